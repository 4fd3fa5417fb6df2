namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>A text encoding the caller names instead of letting detection decide (e.g. UTF-16 of mostly non-Latin text, which the zero-byte heuristic cannot see).</summary>
/// <param name="Name">utf-8, latin-1, utf-16le or utf-16be.</param>
public sealed record EncodingChoice(string Name)
{
    public static EncodingChoice Utf8 { get; } = new("utf-8");

    public static EncodingChoice Latin1 { get; } = new("latin-1");

    public static EncodingChoice Utf16LittleEndian { get; } = new("utf-16le");

    public static EncodingChoice Utf16BigEndian { get; } = new("utf-16be");

    /// <summary>The choice named <paramref name="name"/> (case-insensitive; utf8, latin1, iso-8859-1 and utf-16 = utf-16le accepted too).</summary>
    /// <exception cref="IngestionException">The name is none of them.</exception>
    public static EncodingChoice Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => Utf8,
        "latin-1" or "latin1" or "iso-8859-1" => Latin1,
        "utf-16" or "utf-16le" or "utf16" or "utf16le" => Utf16LittleEndian,
        "utf-16be" or "utf16be" => Utf16BigEndian,
        _ => throw new IngestionException($"encoding='{name}' is not an encoding ingestion reads: use utf-8, latin-1, utf-16le or utf-16be, or leave it out to detect it."),
    };

    /// <summary>The byte order to transcode from; null for UTF-8 and Latin-1, which DuckDB reads directly.</summary>
    internal Utf16Text? Utf16 => this == Utf16LittleEndian ? Utf16Text.LittleEndian : this == Utf16BigEndian ? Utf16Text.BigEndian : null;

    internal TextEncoding Text => this == Latin1 ? TextEncoding.Latin1 : TextEncoding.Utf8;
}
