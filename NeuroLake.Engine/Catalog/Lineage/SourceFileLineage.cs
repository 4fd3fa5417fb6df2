namespace NeuroLake.Engine.Catalog.Lineage;

/// <summary>A file loaded into a table: an upstream node of the table's lineage.</summary>
/// <param name="FileName">The file's name as uploaded (no folder).</param>
/// <param name="Size">Its size in bytes as stored (compressed files: compressed).</param>
/// <param name="Sha256">SHA-256 of those bytes, 64 lowercase hex digits.</param>
/// <param name="IngestedAt">When the load committed.</param>
/// <param name="TableVersion">The table version the load committed.</param>
/// <param name="ProducerId">The ingestion's id; null when the loader was given none.</param>
public sealed record SourceFileLineage(string FileName, long Size, string Sha256, DateTimeOffset IngestedAt, long TableVersion, string? ProducerId);
