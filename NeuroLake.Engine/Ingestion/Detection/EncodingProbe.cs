namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Tells UTF-8, UTF-16 little-endian with a BOM and Latin-1 apart from a bounded prefix of a text file; other UTF-16
/// is found first by <see cref="Utf16Probe"/> and transcoded.
/// </summary>
internal static class EncodingProbe
{
    /// <summary>The encoding of a text whose first bytes are <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The start of the (decompressed) text.</param>
    /// <param name="complete">True when the prefix is the whole text, so a multi-byte sequence cut at its end is an error.</param>
    public static TextEncoding Detect(ReadOnlySpan<byte> prefix, bool complete)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TextEncoding.Utf8;
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TextEncoding.Utf16;
        }
        return IsUtf8(prefix, complete) ? TextEncoding.Utf8 : TextEncoding.Latin1;
    }

    /// <summary>Valid UTF-8, allowing a sequence cut off by the end of a partial prefix.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> prefix, bool complete)
    {
        if (System.Text.Unicode.Utf8.IsValid(prefix))
        {
            return true;
        }
        if (complete)
        {
            return false;
        }
        for (var cut = 1; cut <= 3 && cut < prefix.Length; cut++)
        {
            if (IsLeadByte(prefix[^cut]) && System.Text.Unicode.Utf8.IsValid(prefix[..^cut]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsLeadByte(byte b) => b >= 0xC2 && b <= 0xF4;
}
