using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Api;

/// <summary>An export file type: the engine's format, the <c>format</c> parameter's value, the file extension and content type.</summary>
public sealed record SqlExportFormat(ExportFormat Format, string Name, string Extension, string ContentType, string Label);

/// <summary>The formats <c>/api/v1/sql/export</c> writes.</summary>
public static class SqlExportFormats
{
    public static IReadOnlyList<SqlExportFormat> All { get; } =
    [
        new(ExportFormat.Csv, "csv", "csv", "text/csv; charset=utf-8", "CSV"),
        new(ExportFormat.Parquet, "parquet", "parquet", "application/vnd.apache.parquet", "Parquet"),
        new(ExportFormat.Json, "json", "jsonl", "application/x-ndjson; charset=utf-8", "JSON (one object per line)"),
    ];

    public static IEnumerable<string> Names => All.Select(f => f.Name);

    /// <summary>The format named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static SqlExportFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The editor's download link for <paramref name="sql"/> (relative to the base URI).</summary>
    public static string Link(string sql, SqlExportFormat format) =>
        $"api/v1/sql/export?format={format.Name}&sql={Uri.EscapeDataString(sql)}";
}
