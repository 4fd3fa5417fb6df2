namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>Magic numbers at the start of a file.</summary>
internal static class FileSignature
{
    private static ReadOnlySpan<byte> Parquet => "PAR1"u8;

    private static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Zstd => [0x28, 0xB5, 0x2F, 0xFD];

    private static ReadOnlySpan<byte> ArrowFile => "ARROW1"u8;

    private static ReadOnlySpan<byte> FeatherV1 => "FEA1"u8;

    // The Arrow stream format opens with a continuation marker before its first message's length.
    private static ReadOnlySpan<byte> ArrowStream => [0xFF, 0xFF, 0xFF, 0xFF];

    /// <summary>The Arrow layout when <paramref name="head"/> starts like an Arrow IPC file, a Feather v1 file or (named so) an Arrow stream; else null.</summary>
    public static ArrowLayout? Arrow(ReadOnlySpan<byte> head, string name) =>
        head.StartsWith(ArrowFile) ? ArrowLayout.IpcFile
        : head.StartsWith(FeatherV1) ? ArrowLayout.FeatherV1
        : head.StartsWith(ArrowStream) && (name.EndsWith(".arrow", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".arrows", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".feather", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ipc", StringComparison.OrdinalIgnoreCase)) ? ArrowLayout.IpcStream
        : null;

    /// <summary>How messages name an Arrow layout.</summary>
    public static string Describe(ArrowLayout layout) => layout switch
    {
        ArrowLayout.IpcFile => "an Apache Arrow IPC file (Feather v2)",
        ArrowLayout.IpcStream => "an Apache Arrow IPC stream",
        _ => "a Feather v1 file",
    };

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
