using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>A file loaded into <paramref name="Table"/>: drawn as a file node upstream of the table.</summary>
/// <param name="Table">The table (catalog.schema.table) the file was loaded into.</param>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes: the same file loaded twice is one node.</param>
/// <param name="TableVersion">The table version the load committed.</param>
/// <param name="ProducerId">The ingestion's id, when known.</param>
public sealed record SourceFileNode(SecurablePath Table, string FileName, long Size, string Sha256, long TableVersion, string? ProducerId);
