namespace NeuroLake.Engine.Tables.Writes;

/// <summary>One row of DuckDB's <c>parquet_metadata()</c>: statistics of one column chunk in one row group.</summary>
internal sealed record ParquetColumnStats(
    string FileName,
    long RowGroupId,
    long RowGroupRows,
    string PathInSchema,
    string? Min,
    string? Max,
    long? NullCount);
