using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;
using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Engine.Ingestion.Load;

/// <summary>What one committed load tells the catalog.</summary>
internal sealed record IngestionRecord(
    SecurablePath Table,
    long Version,
    DateTimeOffset LoadedAt,
    QualityReport Quality,
    IReadOnlyList<PiiFinding> Pii,
    SourceFormat Format,
    IReadOnlyList<ProposedColumn> Columns,
    SourceFileInfo? SourceFile,
    string IngestionId)
{
    /// <summary>The source format as a tag: csv, json or parquet.</summary>
    public string FormatTag => Format switch
    {
        SourceFormat.Csv => "csv",
        SourceFormat.Parquet => "parquet",
        _ => "json",
    };

    /// <summary>Descriptions for columns the schema renamed, naming the source column they came from.</summary>
    public IEnumerable<(string Column, string Description)> ColumnDescriptions =>
        Columns.Where(c => !string.Equals(c.Name, c.OriginalName, StringComparison.Ordinal))
            .Select(c => (c.Name, $"From the source column '{c.OriginalName}'."));
}
