namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>Magic numbers at the start of a file.</summary>
internal static class FileSignature
{
    private static ReadOnlySpan<byte> Parquet => "PAR1"u8;

    private static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Zstd => [0x28, 0xB5, 0x2F, 0xFD];

    public static bool IsParquet(ReadOnlySpan<byte> head) => head.StartsWith(Parquet);

    public static bool IsParquetFooter(ReadOnlySpan<byte> tail) => tail.EndsWith(Parquet);

    public static SourceCompression Compression(ReadOnlySpan<byte> head) =>
        head.StartsWith(Gzip) ? SourceCompression.Gzip
        : head.StartsWith(Zstd) ? SourceCompression.Zstd
        : SourceCompression.None;

    /// <summary>The file name without a compression extension (.gz, .gzip, .zst, .zstd).</summary>
    public static string WithoutCompressionSuffix(string name)
    {
        foreach (var suffix in new[] { ".gz", ".gzip", ".zst", ".zstd" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }
}
