using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>
/// Describes a loaded table in the catalog: quality metrics, PII findings as column semantic types and flags, the
/// tags <c>ingested</c> and the source format, descriptions of renamed columns, and the source file as the table's
/// upstream lineage. The table itself is registered by the <see cref="CatalogTableObserver"/> of the target's options
/// when it commits (with the new table's description); this only describes it.
/// </summary>
public sealed class IngestionCatalog(CatalogStore store, QualityStore quality, WarehouseLayout layout, SourceFileStore? sourceFiles = null)
{
    public const string IngestedTag = "ingested";

    /// <summary>The catalog name of the managed table at <paramref name="location"/>, or null when it has none.</summary>
    public SecurablePath? NameOf(string location) => layout.NameOf(location, out _);

    internal bool RecordsSourceFiles => sourceFiles is not null;

    internal async Task RecordAsync(IngestionRecord load, CancellationToken ct)
    {
        var table = load.Table;
        await RecordQualityAsync(table, load.Version, load.Quality, ct).ConfigureAwait(false);
        foreach (var finding in load.Pii)
        {
            await store.ClassifyColumnAsync(
                table with { Column = finding.Column },
                finding.SemanticName,
                new PiiClassification(finding.SemanticName, Math.Round(finding.Confidence, 4), PiiSource.Detected),
                ct).ConfigureAwait(false);
        }

        var info = await store.FindTableAsync(table, ct).ConfigureAwait(false);
        if (info is null)
        {
            return;
        }

        var tags = info.Tags.Concat([IngestedTag, load.FormatTag]).ToList();
        if (tags.Count != info.Tags.Count || !tags.Order().SequenceEqual(info.Tags.Order()))
        {
            await store.SetTagsAsync(table, tags, ct).ConfigureAwait(false);
        }

        foreach (var (column, description) in load.ColumnDescriptions)
        {
            if (info.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase)) is { Description: "" } known)
            {
                await store.SetDescriptionAsync(table with { Column = known.Name }, description, ct).ConfigureAwait(false);
            }
        }

        if (sourceFiles is not null && load.SourceFile is { } file)
        {
            await sourceFiles.RecordAsync(table, new SourceFileLineage(file.FileName, file.Size, file.Sha256, load.LoadedAt, load.Version, load.IngestionId), ct)
                .ConfigureAwait(false);
        }
    }

    private Task RecordQualityAsync(SecurablePath table, long version, QualityReport report, CancellationToken ct) =>
        quality.RecordAsync(table, QualityMeasurements.From(report, version, DateTimeOffset.UtcNow), ct);
}
