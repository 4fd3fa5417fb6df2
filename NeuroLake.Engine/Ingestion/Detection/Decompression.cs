using System.IO.Compression;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// The one way .NET code reads a staged source's bytes: through gzip or zstd decompression as the file's signature
/// says, a buffer at a time, so every reader (prefix, depth scan, record extraction, UTF-16 transcoding) handles the
/// same compressions the same way.
/// </summary>
internal static class Decompression
{
    /// <summary>A stream of <paramref name="file"/>'s decompressed bytes; disposing it disposes the file.</summary>
    public static Stream Open(Stream file, SourceCompression compression) => compression switch
    {
        SourceCompression.Gzip => new GZipStream(file, CompressionMode.Decompress),
        SourceCompression.Zstd => new ZstdSharp.DecompressionStream(file, leaveOpen: false),
        _ => file,
    };

    /// <summary>Whether <paramref name="e"/> says the compressed bytes are corrupt or cut short.</summary>
    public static bool IsCorrupt(Exception e) => e is InvalidDataException or ZstdSharp.ZstdException or EndOfStreamException;

    /// <summary>The refusal for a corrupt compressed file, naming its compression.</summary>
    public static IngestionException Corrupt(string name, SourceCompression compression, Exception e) => new(
        $"'{name}' is not a readable {(compression == SourceCompression.Zstd ? "zstd" : "gzip")} file ({e.Message}): upload the complete, uncorrupted file.", e);
}
