using System.Text;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>A UTF-16 byte order and its name in reports.</summary>
/// <param name="Name">utf-16le or utf-16be.</param>
/// <param name="IsBigEndian">True for big-endian.</param>
public sealed record Utf16Text(string Name, bool IsBigEndian)
{
    public static Utf16Text LittleEndian { get; } = new("utf-16le", false);

    public static Utf16Text BigEndian { get; } = new("utf-16be", true);

    /// <summary>A decoder that throws on unpaired surrogates rather than inventing replacement characters.</summary>
    internal Decoder NewDecoder() => new UnicodeEncoding(IsBigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetDecoder();
}
