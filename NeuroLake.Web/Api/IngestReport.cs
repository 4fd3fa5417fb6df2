using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Api;

/// <summary>The answer of <c>POST /api/v1/ingest</c>: what was detected, what was loaded, and what profiling found.</summary>
/// <param name="Table">catalog.schema.table loaded.</param>
/// <param name="TableVersion">The table's version after the load.</param>
/// <param name="IngestionId">The load's id, as recorded in the table's source-file lineage.</param>
/// <param name="SourceFile">The uploaded file's name, size and SHA-256.</param>
/// <param name="Source">Detected format, compression, encoding and (for delimited text) dialect.</param>
/// <param name="Columns">The schema loaded: each column's name, source name, type and why it differs from a plain read.</param>
/// <param name="RowsRead">Rows in the file.</param>
/// <param name="RowsLoaded">Rows written to the table.</param>
/// <param name="RowsQuarantined">Rows whose values did not parse, written to the table's quarantine table.</param>
/// <param name="RowsSkipped">Rows that did not parse and were left out (badRows=skip).</param>
/// <param name="QualityScore">0..100, for the whole table after the load.</param>
/// <param name="QualityDeductions">What to fix: why points were taken off the score.</param>
/// <param name="QualityFindings">Informational findings (outliers, skew, many nulls, constant columns) that do not change the score, each "'column': detail".</param>
/// <param name="Pii">Columns found to hold personal data.</param>
public sealed record IngestReport(
    string Table,
    long TableVersion,
    string IngestionId,
    IngestSourceFile SourceFile,
    IngestSource Source,
    IReadOnlyList<IngestColumn> Columns,
    long RowsRead,
    long RowsLoaded,
    long RowsQuarantined,
    long RowsSkipped,
    int QualityScore,
    IReadOnlyList<string> QualityDeductions,
    IReadOnlyList<string> QualityFindings,
    IReadOnlyList<IngestPii> Pii)
{
    internal static IngestReport From(SecurablePath table, FileIngestionResult result)
    {
        var load = result.Load;
        var source = result.Schema.Source;
        var dialect = source.Dialect;
        return new IngestReport(
            table.ToString(),
            load.TableVersion,
            result.IngestionId,
            new IngestSourceFile(result.SourceFile.FileName, result.SourceFile.Size, result.SourceFile.Sha256),
            new IngestSource(
                source.OriginalFormatName,
                DetectedSource.CompressionName(source.OriginalCompression),
                source.OriginalEncodingName,
                dialect?.Delimiter,
                dialect?.Quote,
                dialect?.HasHeader),
            result.Schema.Columns.Select(c => new IngestColumn(c.Name, c.OriginalName, c.DuckDbType, c.Nullable, c.Note)).ToList(),
            load.RowsRead,
            load.RowsLoaded,
            load.RowsQuarantined,
            load.RowsSkipped,
            load.Quality.Score,
            load.Quality.Deductions.Select(d => $"-{d.Points}: {d.Reason}").ToList(),
            load.Quality.Findings.Select(f => f.Column is null ? f.Detail : $"'{f.Column}': {f.Detail}").ToList(),
            load.Pii.Select(p => new IngestPii(p.Column, p.SemanticName, Math.Round(p.Confidence, 4), p.Evidence)).ToList());
    }
}

/// <summary>The uploaded file as lineage records it.</summary>
public sealed record IngestSourceFile(string Name, long Size, string Sha256);

/// <summary>How the file was read; delimiter, quote and header only for delimited text.</summary>
public sealed record IngestSource(string Format, string Compression, string Encoding, string? Delimiter, string? Quote, bool? HasHeader);

/// <summary>A loaded column; <paramref name="Note"/> says why its type differs from a plain read, when it does.</summary>
public sealed record IngestColumn(string Name, string SourceName, string Type, bool Nullable, string? Note);

/// <summary>A column found to hold personal data.</summary>
public sealed record IngestPii(string Column, string Type, double Confidence, string Evidence);
