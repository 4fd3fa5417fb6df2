namespace NeuroLake.Engine.Governance;

/// <summary>
/// The workbench's roles, seeded as groups by migration M006 with default grants on the metastore (so they hold in
/// every catalog, including ones created later): admin holds everything and may grant anywhere; engineer uses,
/// creates schemas and tables, reads and writes; analyst and viewer only use catalogs and schemas. Analysts read what
/// an owner or administrator grants them (<c>GRANT SELECT ON SCHEMA main.sales TO analyst</c>), so a new table is not
/// readable by every analyst until someone decides it should be; viewer is for people who only browse names.
/// Administrators change the defaults with GRANT/REVOKE ... ON METASTORE.
/// </summary>
public static class RoleGroups
{
    public const string Admin = "admin";

    public const string Engineer = "engineer";

    public const string Analyst = "analyst";

    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Engineer, Analyst, Viewer];

    /// <summary>The grants each role starts with, on the metastore.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Privilege>> DefaultGrants { get; } = new Dictionary<string, IReadOnlyList<Privilege>>
    {
        [Admin] = [Privilege.AllPrivileges],
        [Engineer] = [Privilege.UseCatalog, Privilege.UseSchema, Privilege.CreateSchema, Privilege.CreateTable, Privilege.Select, Privilege.Modify],
        [Analyst] = [Privilege.UseCatalog, Privilege.UseSchema],
        [Viewer] = [Privilege.UseCatalog, Privilege.UseSchema],
    };

    internal static string Description(string role) => role switch
    {
        Admin => "Metastore administrators: every privilege everywhere; may grant and manage groups.",
        Engineer => "Create schemas and tables, read and write data.",
        Analyst => "Read the data granted to analysts (GRANT SELECT ON SCHEMA ... TO analyst).",
        _ => "See schema and table names; read no rows.",
    };
}
