namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Recognises UTF-16 that DuckDB cannot read directly (it reads little-endian with a byte-order mark only):
/// big-endian with a BOM, and either byte order without one.
/// </summary>
internal static class Utf16Probe
{
    /// <summary>Bytes looked at for the zero-byte pattern.</summary>
    private const int SampleBytes = 4096;

    /// <summary>Fewer characters than this are too few to tell UTF-16 from text that merely holds a few NULs.</summary>
    private const int MinimumPairs = 16;

    /// <summary>
    /// The byte order of UTF-16 text needing transcoding, or null when the text is UTF-8, Latin-1 or UTF-16
    /// little-endian with a BOM. Without a BOM, ASCII-range characters (digits, delimiters, line breaks) put a zero
    /// byte on one side of most pairs and almost never on the other; UTF-8 and Latin-1 text has no zero bytes and
    /// random binary has them on both sides.
    /// </summary>
    public static Utf16Text? Detect(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Utf16Text.BigEndian;
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return null;
        }

        var sample = prefix[..(Math.Min(prefix.Length, SampleBytes) & ~1)];
        var pairs = sample.Length / 2;
        if (pairs < MinimumPairs)
        {
            return null;
        }
        int zeroHigh = 0, zeroLow = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            zeroHigh += sample[i] == 0 ? 1 : 0;
            zeroLow += sample[i + 1] == 0 ? 1 : 0;
        }
        if (zeroLow * 2 >= pairs && zeroHigh * 20 < pairs)
        {
            return Utf16Text.LittleEndian;
        }
        if (zeroHigh * 2 >= pairs && zeroLow * 20 < pairs)
        {
            return Utf16Text.BigEndian;
        }
        return null;
    }
}
