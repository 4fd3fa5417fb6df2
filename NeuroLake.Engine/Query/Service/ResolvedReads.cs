using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Service;

/// <summary>The snapshot each table reference of a statement resolved to, and the statement's text rewritten over them.</summary>
/// <param name="relationOf">The DuckDB relation of a snapshot (<see cref="DeltaTable.ToSql"/>, possibly remembered).</param>
/// <param name="policies">The reader's masks and row filters per table, applied around its relation.</param>
internal sealed class ResolvedReads(
    StatementAnalysis analysis, IReadOnlyDictionary<TableReference, (SchemaTableName Name, Snapshot Snapshot)> snapshots, Func<Snapshot, string> relationOf,
    IReadOnlyDictionary<SchemaTableName, ReadPolicy> policies)
{
    /// <summary>The table versions the statement reads, each once.</summary>
    public IReadOnlyList<TableVersion> Versions { get; } =
        snapshots.Values.Select(s => new TableVersion(s.Name.Schema, s.Name.Table, s.Snapshot.Version)).Distinct().ToList();

    /// <summary>The DuckDB relation (without an alias) that one reference reads, masked and filtered for the reader.</summary>
    public string Relation(TableReference reference)
    {
        var (name, snapshot) = snapshots[reference];
        var relation = relationOf(snapshot);
        return policies.TryGetValue(name, out var policy) ? policy.Apply(relation, snapshot.Schema.Fields.Select(f => f.Name)) : relation;
    }

    /// <summary>The whole statement with its reads replaced.</summary>
    public string Rewrite() => analysis.Reads.Count == 0 ? analysis.Statement.Text : analysis.Rewrite(r => "(" + Relation(r) + ")");

    /// <summary>The source text between two offsets (a condition, a subquery) with the reads inside it replaced.</summary>
    public string Rewrite(int start, int end) => analysis.Rewrite(r => "(" + Relation(r) + ")", start, end);
}
