namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>How the rows of a source file are laid out.</summary>
public enum SourceFormat
{
    Csv,
    JsonArray,
    JsonLines,
    Parquet,
}

/// <summary>Whole-file compression around a text source, decompressed by DuckDB while it reads.</summary>
public enum SourceCompression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>Character encoding of a text source, in the spelling DuckDB's read_csv accepts.</summary>
public enum TextEncoding
{
    Utf8,
    Utf16,
    Latin1,
}
