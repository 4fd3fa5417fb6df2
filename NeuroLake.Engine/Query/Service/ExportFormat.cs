namespace NeuroLake.Engine.Query.Service;

/// <summary>File formats a query result can be exported to.</summary>
public enum ExportFormat
{
    /// <summary>Comma-separated with a header row, UTF-8.</summary>
    Csv,

    /// <summary>Parquet with ZSTD compression.</summary>
    Parquet,

    /// <summary>Newline-delimited JSON: one object per row, so any size streams and appends.</summary>
    Json,
}
