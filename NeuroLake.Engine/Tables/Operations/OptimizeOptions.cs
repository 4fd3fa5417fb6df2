namespace NeuroLake.Engine.Tables.Operations;

/// <summary>What OPTIMIZE compacts, and how.</summary>
public sealed record OptimizeOptions
{
    /// <summary>WHERE: a SQL predicate over partition columns only, choosing the partitions to optimize. Null: all.</summary>
    public string? Where { get; init; }

    /// <summary>ZORDER BY: data columns (not partition columns) to cluster rows by. Empty: bin-packing only.</summary>
    public IReadOnlyList<string> ZOrderBy { get; init; } = [];

    /// <summary>Size each output file aims for. Null: the table's <see cref="DeltaTableOptions.TargetFileSizeBytes"/>.</summary>
    public long? TargetFileSizeBytes { get; init; }

    /// <summary>Files smaller than this are compacted by bin-packing. Null: the target size.</summary>
    public long? MinFileSizeBytes { get; init; }
}
