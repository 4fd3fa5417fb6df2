using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// What the audit entry of one statement says beyond its text: the kind of action and the table it acts on. Filled in
/// as soon as the statement is classified, so a statement that fails or is refused afterwards (a denied OPTIMIZE, a
/// failed INSERT) is still found by its table, and maintenance, restores and grants are told apart from other statements.
/// </summary>
internal sealed class AuditedStatement
{
    /// <summary>The statement's kind; null until it is classified (a script that does not parse stays a plain statement).</summary>
    public StatementKind? Kind { get; private set; }

    /// <summary>The table the statement writes, maintains or grants on, as <c>schema.table</c>; null when none.</summary>
    public string? Target { get; private set; }

    /// <summary>The user lacked a privilege: audited as <see cref="AuditOutcome.Denied"/>, not as a failure of the statement.</summary>
    public bool WasDenied { get; private set; }

    public void Denied() => WasDenied = true;

    public AuditAction Action => Kind switch
    {
        StatementKind.Optimize or StatementKind.Vacuum => AuditAction.Maintenance,
        StatementKind.RestoreTable => AuditAction.Restore,
        StatementKind.Grant => AuditAction.Grant,
        StatementKind.Revoke => AuditAction.Revoke,
        _ => AuditAction.Statement,
    };

    public void Classified(StatementAnalysis analysis, string defaultSchema)
    {
        Kind = analysis.Kind;
        // CREATE SCHEMA, DROP SCHEMA and SHOW TABLES IN name a schema, not a table.
        Target = analysis.Kind is StatementKind.CreateSchema or StatementKind.DropSchema or StatementKind.ShowTables
            ? null : TableOf(analysis.Classification.Target, defaultSchema);
    }

    public void Classified(GovernanceStatement governance, string defaultSchema)
    {
        Kind = governance.Kind;
        Target = governance.On is { Level: SecurableLevel.Table, Name: var name } ? TableOf(name, defaultSchema) : null;
    }

    private static string? TableOf(TableName? name, string defaultSchema)
    {
        if (name is null)
        {
            return null;
        }

        try
        {
            var table = name.ToSchemaTable(defaultSchema);
            return $"{table.Schema}.{table.Table}";
        }
        catch (NeuroLakeException)
        {
            // A name the statement itself will refuse: the statement's text in the entry says what was written.
            return null;
        }
    }
}
