using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>What GRANT, REVOKE, SHOW GRANTS, ALTER ... OWNER TO and ALTER TABLE ... ROW FILTER say.</summary>
internal sealed record GovernanceStatement(StatementKind Kind)
{
    public IReadOnlyList<Privilege> Privileges { get; init; } = [];

    /// <summary>The securable of GRANT, REVOKE, SHOW GRANTS ON and ALTER; null for SHOW GRANTS without ON.</summary>
    public SecurableName? On { get; init; }

    /// <summary>TO / FROM principal; null for SHOW GRANTS without TO.</summary>
    public PrincipalName? Principal { get; init; }

    /// <summary>SET ROW FILTER: the predicate as written; null for DROP ROW FILTER.</summary>
    public string? Predicate { get; init; }

    /// <summary>The group a row filter is for.</summary>
    public string? Group { get; init; }
}

/// <summary>METASTORE (no name), or CATALOG/SCHEMA/TABLE with the name as written.</summary>
internal sealed record SecurableName(SecurableLevel Level, TableName? Name);

/// <summary>A principal as written: USER x, GROUP x, or a bare name (a group when one exists, else a user).</summary>
internal sealed record PrincipalName(PrincipalKind? Kind, string Name);
