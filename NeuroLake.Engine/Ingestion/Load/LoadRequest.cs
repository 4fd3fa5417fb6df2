using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>A confirmed source schema to load into a Delta table.</summary>
/// <param name="Target">The table written (created with <see cref="LoadMode.NewTable"/>, otherwise it must exist).</param>
/// <param name="Schema">The proposed schema as the caller confirmed it; <see cref="Columns"/> overrides its columns.</param>
/// <param name="Mode">New table, append, overwrite or merge on <see cref="KeyColumns"/>.</param>
public sealed record LoadRequest(DeltaTable Target, ProposedSchema Schema, LoadMode Mode)
{
    /// <summary>The columns to load (default: <see cref="ProposedSchema.Columns"/>); edited names and types are used as given.</summary>
    public IReadOnlyList<ProposedColumn>? Columns { get; init; }

    /// <summary>Partition columns of a new table (default none); refused for other modes, whose table already has its own.</summary>
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>Columns matching source rows to table rows; required for <see cref="LoadMode.MergeOnKey"/>, refused otherwise.</summary>
    public IReadOnlyList<string> KeyColumns { get; init; } = [];

    /// <summary>
    /// Allow source columns the table lacks (default false: the plan is refused). They are added as nullable columns;
    /// with <see cref="LoadMode.Overwrite"/> the source's columns become the table's schema. A merge adds them in a commit
    /// of its own before merging the rows.
    /// </summary>
    public bool MergeSchema { get; init; }

    /// <summary>What happens to rows with values that did not parse (default <see cref="BadRowPolicy.Quarantine"/>).</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Quarantine;

    /// <summary>
    /// Where quarantined rows go (default: a table in the folder beside <see cref="Target"/> named <c>&lt;table&gt;_quarantine</c>,
    /// with the target's options, so an observed target's quarantine is registered too). Only used with <see cref="BadRowPolicy.Quarantine"/>.
    /// </summary>
    public DeltaTable? QuarantineTable { get; init; }

    /// <summary>
    /// With <see cref="LoadMode.NewTable"/>, create the table even when no row of the source loads (default true). False
    /// leaves no empty table behind: nothing is created (rows that did not parse still go to the quarantine table) and the
    /// report says <see cref="LoadReport.TableWritten"/> false. Other modes never skip: an existing table is written as asked.
    /// </summary>
    public bool KeepEmptyNewTable { get; init; } = true;

    /// <summary>Description of a new table (default: one naming the source file, its format and the load time).</summary>
    public string? Description { get; init; }

    /// <summary>PII findings from the source sample to store in the catalog (default: detected on a sample of the loaded table).</summary>
    public IReadOnlyList<PiiFinding>? PiiFindings { get; init; }

    /// <summary>Where the load reports its phase, bytes, rows and percent (default none).</summary>
    public IngestionProgress? Progress { get; init; }

    /// <summary>
    /// The source file's name, size and SHA-256 for lineage, e.g. from <see cref="StagedUpload"/> (default: the staged
    /// file's own name, hashed in a streamed pass when a catalog is present).
    /// </summary>
    public SourceFileInfo? SourceFile { get; init; }

    /// <summary>Identifies this load in lineage (default: a new GUID).</summary>
    public string? IngestionId { get; init; }

    internal IReadOnlyList<ProposedColumn> LoadedColumns => Columns ?? Schema.Columns;
}
