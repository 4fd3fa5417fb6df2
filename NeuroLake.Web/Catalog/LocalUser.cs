namespace NeuroLake.Web.Catalog;

/// <summary>
/// The one local user the workbench acts as until it has logins: configuration <c>NeuroLake:User</c>, else the
/// operating-system account. Catalog pages record maintenance and restores under this name.
/// </summary>
public sealed record LocalUser(string Name)
{
    public static LocalUser From(IConfiguration configuration) =>
        new(configuration["NeuroLake:User"] is { Length: > 0 } configured ? configured : Environment.UserName);
}
