using System.Text.RegularExpressions;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Audit;

/// <summary>
/// A grant or revoke made on the Grants page written as the SQL statement that does the same, so its audit entry
/// reads like one made in the editor (<c>GRANT SELECT ON SCHEMA main.sales TO GROUP analyst</c>).
/// </summary>
public static partial class GrantStatementText
{
    public static string Grant(IEnumerable<Privilege> privileges, Securable on, Principal to) =>
        $"GRANT {List(privileges)} ON {On(on)} TO {Of(to)}";

    public static string Revoke(IEnumerable<Privilege> privileges, Securable on, Principal from) =>
        $"REVOKE {List(privileges)} ON {On(on)} FROM {Of(from)}";

    /// <summary>What the entry is about: the securable's dotted name (so a table's Activity tab finds it), or <c>metastore</c>.</summary>
    public static string Target(Securable on) => on.Path?.ToString() ?? "metastore";

    private static string List(IEnumerable<Privilege> privileges) => string.Join(", ", privileges.Select(PrivilegeNames.Sql));

    private static string On(Securable on) => on.Path is null ? "METASTORE" : $"{on.Level.ToString().ToUpperInvariant()} {on.Path}";

    // User names may be e-mail addresses, which SQL takes as 'quoted strings'.
    private static string Of(Principal principal) =>
        $"{(principal.Kind == PrincipalKind.Group ? "GROUP" : "USER")} {(Identifier().IsMatch(principal.Name) ? principal.Name : $"'{principal.Name.Replace("'", "''", StringComparison.Ordinal)}'")}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
