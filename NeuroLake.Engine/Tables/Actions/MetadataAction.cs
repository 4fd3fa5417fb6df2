namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>metaData</c> action: table id, schema (as Spark's JSON schema string), partition columns, configuration.</summary>
public sealed record MetadataAction(
    string Id,
    string? Name,
    string? Description,
    string FormatProvider,
    IReadOnlyDictionary<string, string> FormatOptions,
    string SchemaString,
    IReadOnlyList<string> PartitionColumns,
    long? CreatedTime,
    IReadOnlyDictionary<string, string> Configuration) : DeltaAction;
