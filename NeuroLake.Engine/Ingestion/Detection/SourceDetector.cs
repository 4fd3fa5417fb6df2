using System.Text;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Finds the format, compression, encoding and dialect of a staged file from magic bytes, a bounded
/// prefix and DuckDB's sniffer, and lists its columns with DuckDB's own types.
/// </summary>
public static class SourceDetector
{
    /// <summary>Detects the file, reporting the <see cref="IngestionPhase.Detect"/> phase to <paramref name="progress"/>.</summary>
    /// <exception cref="IngestionException">The file is missing, empty, corrupt or in an encoding DuckDB cannot read.</exception>
    /// <param name="encoding">The encoding to read text with instead of detecting it; null (default) detects it.</param>
    public static Task<DetectedSource> DetectAsync(
        DuckDbConnection connection, string path, IngestionProgress? progress, EncodingChoice? encoding = null, CancellationToken ct = default) =>
        DetectAsync(connection, path, progress, encoding, JsonNesting.Struct, ct);

    /// <summary>Detects the file as above, reading nested JSON objects as <paramref name="nesting"/> says.</summary>
    /// <exception cref="IngestionException">The file is missing, empty, corrupt or in an encoding DuckDB cannot read.</exception>
    /// <param name="nesting">Whether nested JSON objects stay STRUCT or are flattened to columns; ignored for other formats.</param>
    public static Task<DetectedSource> DetectAsync(
        DuckDbConnection connection, string path, IngestionProgress? progress, EncodingChoice? encoding, JsonNesting nesting, CancellationToken ct = default) =>
        DetectAsync(connection, path, progress, encoding, nesting, sheet: null, ct);

    /// <summary>Detects the file as above, reading the workbook sheet named <paramref name="sheet"/>.</summary>
    /// <exception cref="IngestionException">As above, or the workbook has no sheet of that name (the message lists its sheets).</exception>
    /// <param name="sheet">The Excel sheet to read; null reads the first sheet with rows; ignored for other formats.</param>
    public static async Task<DetectedSource> DetectAsync(
        DuckDbConnection connection, string path, IngestionProgress? progress, EncodingChoice? encoding, JsonNesting nesting, string? sheet, CancellationToken ct = default)
    {
        using var poller = QueryProgressPoller.Start(progress, IngestionPhase.Detect, File.Exists(path) ? new FileInfo(path).Length : null, connection);
        return await DetectAsync(connection, path, encoding, nesting, sheet, ct).ConfigureAwait(false);
    }

    /// <exception cref="IngestionException">The file is missing, empty, corrupt or in an encoding DuckDB cannot read.</exception>
    /// <remarks>
    /// UTF-16 that DuckDB cannot read directly (big-endian, or without a BOM) is transcoded into a UTF-8 copy in a
    /// <c>.utf-8</c> folder beside the file, and the result reads that copy (see <see cref="DetectedSource.Transcoded"/>).
    /// </remarks>
    public static Task<DetectedSource> DetectAsync(DuckDbConnection connection, string path, CancellationToken ct = default) =>
        DetectAsync(connection, path, choice: null, JsonNesting.Struct, sheet: null, ct);

    /// <summary>The formats detection reads, for messages that refuse another.</summary>
    public const string SupportedFormats =
        "delimited text (CSV, TSV, …) and JSON (an array, newline-delimited, an object whose array member holds the records, or an object keyed by id), each optionally gzip- or zstd-compressed; Parquet; Apache Arrow IPC files and streams (.arrow, .arrows, Feather v2); Excel workbooks (.xlsx, .xlsm, .xls; one sheet at a time)";

    private static async Task<DetectedSource> DetectAsync(
        DuckDbConnection connection, string path, EncodingChoice? choice, JsonNesting nesting, string? sheet, CancellationToken ct)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var name = System.IO.Path.GetFileName(fullPath);
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            throw new IngestionException($"'{name}' was not found in the staging folder: upload it again.");
        }
        if (info.Length == 0)
        {
            throw new IngestionException($"'{name}' is empty: upload a file with a header or at least one row.");
        }

        var (head, tail) = await ReadEndsAsync(fullPath, ct).ConfigureAwait(false);
        if (FileSignature.IsParquet(head))
        {
            if (!FileSignature.IsParquetFooter(tail))
            {
                throw new IngestionException($"'{name}' starts like Parquet but its footer is missing or corrupt: upload the complete file.");
            }
            return WithColumns(connection, new DetectedSource(fullPath, SourceFormat.Parquet, SourceCompression.None, TextEncoding.Utf8, null, []), ct);
        }

        if (WorkbookProbe.Detect(head, fullPath) is { } workbook)
        {
            return WorkbookWithColumns(connection, fullPath, workbook, sheet, ct);
        }
        if (WorkbookProbe.IsZip(head))
        {
            throw new IngestionException($"'{name}' is a ZIP archive: unzip it and upload the files inside. Supported formats: {SupportedFormats}.");
        }

        if (FileSignature.Arrow(head, name) is { } arrow)
        {
            return ArrowWithColumns(connection, fullPath, arrow, ct);
        }

        var compression = FileSignature.Compression(head);
        var prefix = await TextPrefix.ReadAsync(fullPath, compression, ct).ConfigureAwait(false);
        if ((choice is null ? Utf16Probe.Detect(prefix.Bytes) : choice.Utf16) is { } utf16)
        {
            return await TranscodedAsync(connection, fullPath, compression, utf16, nesting, ct).ConfigureAwait(false);
        }
        var encoding = choice?.Text ?? EncodingProbe.Detect(prefix.Bytes, prefix.Complete);

        var layout = TextLayout(prefix.Bytes, encoding);
        if (layout is null)
        {
            throw new IngestionException($"'{name}' holds no data after decompression: upload a file with a header or at least one row.");
        }
        if (layout != SourceFormat.Csv && encoding == TextEncoding.Utf16 && choice is null)
        {
            // read_json takes UTF-8 only, even where read_csv reads this UTF-16 directly.
            return await TranscodedAsync(connection, fullPath, compression, Utf16Text.LittleEndian, nesting, ct).ConfigureAwait(false);
        }
        if (layout != SourceFormat.Csv && encoding != TextEncoding.Utf8)
        {
            throw new IngestionException($"'{name}' is JSON in {DetectedSource.EncodingName(encoding)}; JSON must be UTF-8: save it as UTF-8 and upload it again.");
        }
        var source = new DetectedSource(fullPath, layout.Value, compression, encoding, null, []);
        if (layout == SourceFormat.Csv)
        {
            return CsvSniffer.Sniff(connection, source, ct);
        }
        // Before DuckDB parses it: deeply nested JSON crashes DuckDB's reader (see JsonDepthScan).
        JsonDepthScan.Check(fullPath, compression, ct);

        try
        {
            return JsonWithColumns(connection, source, JsonShapeProbe.Probe(prefix.Bytes, nesting), ct);
        }
        catch (IngestionException) when (!NamedAsJson(fullPath))
        {
            // Text that merely starts with '[' or '{' ("[id],[name]") is delimited text after all.
            return CsvSniffer.Sniff(connection, source with { Format = SourceFormat.Csv }, ct);
        }
    }

    /// <summary>
    /// JSON read where its records are: straight from the file when DuckDB can, else from a newline-delimited copy of
    /// the records (see <see cref="JsonRecords.NeedsCopy"/>).
    /// </summary>
    private static DetectedSource JsonWithColumns(DuckDbConnection connection, DetectedSource source, JsonRecords? records, CancellationToken ct)
    {
        if (records is null || !records.NeedsCopy)
        {
            return WithColumns(connection, source with { Json = records }, ct);
        }
        var copy = JsonRecordExtractor.Extract(source.Path, source.Compression, records, ct);
        try
        {
            var extracted = new DetectedSource(copy, SourceFormat.JsonLines, SourceCompression.None, TextEncoding.Utf8, null, [])
            {
                Json = records,
                RecordsCopyOf = source.Path,
                RecordsCopyCompression = source.Compression,
            };
            return WithColumns(connection, extracted, ct);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    private static async Task<DetectedSource> TranscodedAsync(
        DuckDbConnection connection, string path, SourceCompression compression, Utf16Text utf16, JsonNesting nesting, CancellationToken ct)
    {
        var copy = await Utf16Transcoder.ToUtf8Async(path, compression, utf16, ct).ConfigureAwait(false);
        try
        {
            var source = await DetectAsync(connection, copy, EncodingChoice.Utf8, nesting, sheet: null, ct).ConfigureAwait(false);
            return source with { Transcoded = new TranscodedCopy(path, utf16, compression) };
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    /// <summary>An Arrow upload read through its Parquet copy; Feather v1, which Apache.Arrow does not read, is refused with the conversion.</summary>
    private static DetectedSource ArrowWithColumns(DuckDbConnection connection, string path, ArrowLayout layout, CancellationToken ct)
    {
        var name = System.IO.Path.GetFileName(path);
        if (layout == ArrowLayout.FeatherV1)
        {
            throw new IngestionException(
                $"'{name}' is {FileSignature.Describe(layout)}, an old layout no current Arrow library reads: convert it to Parquet or Arrow IPC " +
                $"(pyarrow: pyarrow.feather.write_feather(pyarrow.feather.read_table('{name}'), 'out.arrow')) and upload that. Supported formats: {SupportedFormats}.");
        }
        var copy = ArrowParquetCopy.Write(connection, path, layout, ct);
        try
        {
            return WithColumns(connection, new DetectedSource(copy, SourceFormat.Parquet, SourceCompression.None, TextEncoding.Utf8, null, []) { ArrowOriginal = layout }, ct);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    /// <summary>A sheet of an Excel workbook read through its CSV copy, whose dialect NeuroLake chose, so only the types are sniffed.</summary>
    private static DetectedSource WorkbookWithColumns(DuckDbConnection connection, string path, WorkbookLayout layout, string? sheet, CancellationToken ct)
    {
        var (copy, chosen) = WorkbookCsvCopy.Write(path, layout, sheet, ct);
        try
        {
            var source = new DetectedSource(copy, SourceFormat.Csv, SourceCompression.None, TextEncoding.Utf8, null, []) { Workbook = chosen };
            return CsvSniffer.SniffWritten(connection, source, WorkbookCsvCopy.Dialect, ct);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    private static bool NamedAsJson(string path)
    {
        var name = FileSignature.WithoutCompressionSuffix(System.IO.Path.GetFileName(path).ToLowerInvariant());
        return name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal) ||
               name.EndsWith(".ndjson", StringComparison.Ordinal) || name.EndsWith(".geojson", StringComparison.Ordinal);
    }

    private static async Task<(byte[] Head, byte[] Tail)> ReadEndsAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var head = new byte[Math.Min(16, file.Length)];
        await file.ReadExactlyAsync(head, ct).ConfigureAwait(false);
        var tail = new byte[Math.Min(4, file.Length)];
        file.Seek(-tail.Length, SeekOrigin.End);
        await file.ReadExactlyAsync(tail, ct).ConfigureAwait(false);
        return (head, tail);
    }

    /// <summary>JSON when the first non-blank character opens an array or object, otherwise delimited text; null when blank.</summary>
    private static SourceFormat? TextLayout(byte[] bytes, TextEncoding encoding)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 4096));
        var text = encoding switch
        {
            TextEncoding.Utf16 => Encoding.Unicode.GetString(sample[..(sample.Length & ~1)]),
            TextEncoding.Latin1 => Encoding.Latin1.GetString(sample),
            _ => Encoding.UTF8.GetString(sample),
        };
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                continue;
            }
            return c switch
            {
                '[' => SourceFormat.JsonArray,
                '{' => SourceFormat.JsonLines,
                _ => SourceFormat.Csv,
            };
        }
        return bytes.Length == 0 ? null : SourceFormat.Csv;
    }

    private static DetectedSource WithColumns(DuckDbConnection connection, DetectedSource source, CancellationToken ct)
    {
        var columns = new List<SourceColumn>();
        try
        {
            using var reader = connection.ExecuteReader($"DESCRIBE SELECT * FROM {source.RawRelationSql()}", ct);
            while (reader.Read())
            {
                columns.Add(new SourceColumn(reader.GetString(0), reader.GetString(1)));
            }
        }
        catch (DuckDbException e)
        {
            throw new IngestionException(
                $"'{System.IO.Path.GetFileName(source.Path)}' could not be read as {source.Format}: {TextPrefix.FirstLine(e.Message)}. Fix the file or choose the format explicitly.", e);
        }
        return source with { Columns = columns };
    }
}
