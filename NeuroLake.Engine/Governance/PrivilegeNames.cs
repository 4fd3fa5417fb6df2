namespace NeuroLake.Engine.Governance;

/// <summary>Privileges as SQL spells them, and where each may be granted.</summary>
public static class PrivilegeNames
{
    private static readonly Dictionary<Privilege, string> Names = new()
    {
        [Privilege.UseCatalog] = "USE CATALOG",
        [Privilege.UseSchema] = "USE SCHEMA",
        [Privilege.CreateSchema] = "CREATE SCHEMA",
        [Privilege.CreateTable] = "CREATE TABLE",
        [Privilege.Select] = "SELECT",
        [Privilege.Modify] = "MODIFY",
        [Privilege.Unmask] = "UNMASK",
        [Privilege.AllPrivileges] = "ALL PRIVILEGES",
    };

    /// <summary>Every privilege ALL PRIVILEGES stands for.</summary>
    public static IReadOnlyList<Privilege> Each { get; } = Names.Keys.Where(p => p != Privilege.AllPrivileges).ToList();

    public static string Sql(Privilege privilege) => Names[privilege];

    /// <summary>The privilege named by <paramref name="words"/> (case-insensitive), or null.</summary>
    public static Privilege? Parse(string words) =>
        Names.FirstOrDefault(n => string.Equals(n.Value, words, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;

    /// <summary>Whether <paramref name="privilege"/> means anything on a securable of <paramref name="level"/> (Unity Catalog's rules).</summary>
    public static bool AppliesTo(Privilege privilege, SecurableLevel level) => privilege switch
    {
        Privilege.UseCatalog or Privilege.CreateSchema => level is SecurableLevel.Metastore or SecurableLevel.Catalog,
        Privilege.UseSchema or Privilege.CreateTable => level is not SecurableLevel.Table,
        _ => true,
    };
}
