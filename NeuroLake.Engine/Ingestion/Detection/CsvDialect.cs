namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The dialect of a delimited text file as DuckDB's sniffer found it; any part may be overridden.</summary>
/// <param name="Delimiter">Field separator, e.g. "," or "\t".</param>
/// <param name="Quote">Quote character, empty when fields are never quoted.</param>
/// <param name="Escape">Escape character inside quotes, empty when none.</param>
/// <param name="HasHeader">Whether the first row after <paramref name="SkipRows"/> holds column names.</param>
/// <param name="SkipRows">Lines skipped before the header or first row.</param>
/// <param name="DateFormat">strptime format of DATE columns when the sniffer found a non-ISO one.</param>
/// <param name="TimestampFormat">strptime format of TIMESTAMP columns when the sniffer found a non-ISO one.</param>
/// <param name="NullPadding">Rows with fewer fields than the header are padded with NULL (ragged files).</param>
/// <param name="StrictMode">False when the file only reads with DuckDB's lenient parser (e.g. mixed line endings around quoted newlines).</param>
public sealed record CsvDialect(
    string Delimiter,
    string Quote,
    string Escape,
    bool HasHeader,
    int SkipRows,
    string? DateFormat,
    string? TimestampFormat,
    bool NullPadding = false,
    bool StrictMode = true)
{
    /// <summary>Longest line read, so a 10 MB text cell still parses.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>
    /// DuckDB's read buffer per scan. Left alone, DuckDB makes it 16 × <see cref="MaxLineBytes"/> (256 MB per buffer),
    /// which fails under a modest memory limit; twice the longest line is DuckDB's usual 32 MB and holds any line.
    /// </summary>
    public const int ReadBufferBytes = 2 * MaxLineBytes;
}
