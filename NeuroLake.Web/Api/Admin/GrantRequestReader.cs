using NeuroLake.Engine.Governance;
using NeuroLake.Web.Governance;

namespace NeuroLake.Web.Api.Admin;

/// <summary>Reads a <see cref="GrantRequest"/> and the grant queries; what cannot be read throws <see cref="FormatException"/> saying what to send.</summary>
internal static class GrantRequestReader
{
    public static (Securable On, Principal Principal, IReadOnlyList<Privilege> Privileges) Read(GrantRequest body)
    {
        var on = SecurableInput.Parse(body.On);
        var principal = Principal(body.User, body.Group)
            ?? throw new FormatException("Say who: give \"user\" or \"group\" (one of the two).");
        if (body.Privileges is not { Count: > 0 } names)
        {
            throw new FormatException($"Name the privileges, e.g. \"privileges\": [\"SELECT\"]; one of {Known}.");
        }

        var privileges = names.Select(n => PrivilegeNames.Parse(n?.Trim() ?? "")
            ?? throw new FormatException($"'{n}' is not a privilege: use {Known}.")).Distinct().ToList();
        return (on, principal, privileges);
    }

    /// <summary>The user or group named; null when neither is; both is an error.</summary>
    public static Principal? Principal(string? user, string? group) => (user?.Trim(), group?.Trim()) switch
    {
        ({ Length: > 0 }, { Length: > 0 }) => throw new FormatException("Give a user or a group, not both."),
        ({ Length: > 0 } u, _) => Engine.Governance.Principal.User(u),
        (_, { Length: > 0 } g) => Engine.Governance.Principal.Group(g),
        _ => null,
    };

    private static string Known => string.Join(", ", PrivilegeNames.Each.Append(Privilege.AllPrivileges).Select(PrivilegeNames.Sql));
}
