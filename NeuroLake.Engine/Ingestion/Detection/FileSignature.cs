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

    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;

    // OLE compound documents: Excel 97-2003 workbooks (and old Word files).
    private static ReadOnlySpan<byte> Compound => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>What an archive or office file is, by its signature and name, for refusing it by name; null for anything else.</summary>
    public static string? Container(ReadOnlySpan<byte> head, string name) =>
        head.StartsWith(Zip)
            ? name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase) ? "an Excel workbook" : "a ZIP archive"
        : head.StartsWith(Compound) ? "an Excel 97-2003 workbook (or another OLE document)"
        : null;

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
