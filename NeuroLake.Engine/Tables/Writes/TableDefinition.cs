using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>
/// What CREATE TABLE needs. <see cref="Schema"/> may be null when the table is created from a query (the query's
/// columns then define it); when both are given, the query's columns are cast to the schema.
/// </summary>
public sealed record TableDefinition
{
    public StructType? Schema { get; init; }

    /// <summary>Columns whose values become partition folders; each must be a primitive column of the schema.</summary>
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>Table properties (metaData.configuration); <c>delta.*</c> keys are Delta's.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>In-commit timestamps (default on): commit times survive copying the table; needs writer version 7.</summary>
    public bool InCommitTimestamps { get; init; } = true;
}
