using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Service;

/// <summary>The snapshot each table reference of a statement resolved to, and the statement's text rewritten over them.</summary>
/// <param name="relationOf">The DuckDB relation of a snapshot (<see cref="DeltaTable.ToSql"/>, possibly remembered).</param>
/// <param name="fromItemOf">What a FROM clause names for a snapshot (see <see cref="SnapshotFromItems"/>).</param>
/// <param name="policies">The reader's masks and row filters per table, applied around its relation.</param>
internal sealed class ResolvedReads(
    StatementAnalysis analysis, IReadOnlyDictionary<TableReference, (SchemaTableName Name, Snapshot Snapshot)> snapshots, Func<Snapshot, string> relationOf,
    Func<Snapshot, string> fromItemOf, IReadOnlyDictionary<SchemaTableName, ReadPolicy> policies)
{
    // read_parquet's virtual columns: a bare scan answers "SELECT filename FROM t" with the server's path, where the
    // relation's explicit columns answer that no such column exists. A statement naming one anywhere (even in a
    // comment or string: a false alarm costs only speed) reads every table through its relation.
    private static readonly string[] VirtualColumns = ["filename", "file_row_number", "file_index"];

    private readonly bool _mayScanBare = !VirtualColumns.Any(c => analysis.Statement.Text.Contains(c, StringComparison.OrdinalIgnoreCase));

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
    public string Rewrite() => analysis.Reads.Count == 0 ? analysis.Statement.Text : analysis.Rewrite(FromItem);

    /// <summary>The source text between two offsets (a condition, a subquery) with the reads inside it replaced.</summary>
    public string Rewrite(int start, int end) => analysis.Rewrite(FromItem, start, end);

    /// <summary>What the FROM clause names for one reference: a governed read wraps the relation, an ungoverned one may be the bare scan.</summary>
    private string FromItem(TableReference reference)
    {
        var (name, snapshot) = snapshots[reference];
        var governed = policies.TryGetValue(name, out var policy) && !policy.IsEmpty;
        return _mayScanBare && !governed ? fromItemOf(snapshot) : "(" + Relation(reference) + ")";
    }
}
