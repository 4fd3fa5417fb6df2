using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Api.Admin;

/// <summary>One grant as stored: on what (<c>metastore</c> or a dotted name), its level, to whom, which privilege (as SQL spells it), by whom and when.</summary>
public sealed record GrantJson(string Securable, SecurableLevel Level, PrincipalKind PrincipalKind, string Principal, string Privilege, string GrantedBy, DateTimeOffset GrantedAt)
{
    public static GrantJson From(GrantInfo g) => new(
        g.Securable.Path?.ToString() ?? "metastore", g.Securable.Level, g.Principal.Kind, g.Principal.Name, PrivilegeNames.Sql(g.Privilege), g.GrantedBy, g.GrantedAt);
}

/// <summary>What a user effectively holds on a securable and why, as the Grants page explains it ("SELECT from group analyst on schema main.sales").</summary>
public sealed record EffectiveJson(string User, string Securable, IReadOnlyList<EffectivePrivilegeJson> Privileges);

/// <summary>One privilege held, and the grant, ownership or role it comes from.</summary>
public sealed record EffectivePrivilegeJson(string Privilege, string Reason);

/// <summary>
/// A grant or revoke: on <c>metastore</c> or catalog[.schema[.table]], to a user or a group (one of the two), of
/// privileges as SQL spells them (<c>SELECT</c>, <c>USE SCHEMA</c>, <c>ALL PRIVILEGES</c>...).
/// </summary>
public sealed record GrantRequest(string? On, string? User, string? Group, IReadOnlyList<string>? Privileges);
