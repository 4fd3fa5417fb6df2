using System.Text;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>What a source file is and how DuckDB reads it.</summary>
/// <param name="Path">Full path of the file DuckDB reads (a UTF-8 copy when <see cref="Transcoded"/> is set).</param>
/// <param name="Format">Row layout.</param>
/// <param name="Compression">Whole-file compression, decompressed while reading.</param>
/// <param name="Encoding">Text encoding (UTF-8 for Parquet).</param>
/// <param name="Dialect">Delimited-text dialect; null unless <paramref name="Format"/> is CSV.</param>
/// <param name="Columns">The columns with DuckDB's own detected types, before NeuroLake's improvements.</param>
public sealed record DetectedSource(
    string Path,
    SourceFormat Format,
    SourceCompression Compression,
    TextEncoding Encoding,
    CsvDialect? Dialect,
    IReadOnlyList<SourceColumn> Columns)
{
    /// <summary>Set when <see cref="Path"/> is a UTF-8 copy of a UTF-16 file DuckDB cannot read directly (default null).</summary>
    public TranscodedCopy? Transcoded { get; init; }

    /// <summary>The JSON shape and how its records are read; null unless the source is JSON.</summary>
    public JsonRecords? Json { get; init; }

    /// <summary>
    /// Set when <see cref="Path"/> is a newline-delimited copy of the records of this file (see <see cref="JsonRecords.NeedsCopy"/>):
    /// the file they were streamed from (the original, or its UTF-8 copy when <see cref="Transcoded"/> is set too).
    /// </summary>
    public string? RecordsCopyOf { get; init; }

    /// <summary>The compression of the file the records copy was streamed from (none when there is no copy).</summary>
    public SourceCompression RecordsCopyCompression { get; init; }

    /// <summary>
    /// Set when <see cref="Path"/> is a Parquet copy of an uploaded Arrow IPC file or stream (see <see cref="ArrowParquetCopy"/>):
    /// the layout of the original (default null).
    /// </summary>
    public ArrowLayout? ArrowOriginal { get; init; }

    /// <summary>
    /// Set when <see cref="Path"/> is a CSV copy of one sheet of an uploaded Excel workbook (see <see cref="WorkbookCsvCopy"/>):
    /// the sheet read and the sheets to choose from (default null).
    /// </summary>
    public WorkbookSheet? Workbook { get; init; }

    /// <summary>
    /// The uploaded file's format in reports and the wizard: "arrow" for an Arrow upload read through its Parquet copy,
    /// "xlsx" or "xls" for a workbook read through its CSV copy.
    /// </summary>
    public string OriginalFormatName => ArrowOriginal is not null ? "arrow" : Workbook is not null ? Workbook.FormatName : Format switch
    {
        SourceFormat.Csv => "csv",
        SourceFormat.JsonArray => "json",
        SourceFormat.JsonLines => "ndjson",
        _ => "parquet",
    };

    /// <summary>The uploaded file's encoding in reports: the original byte order of a transcoded file.</summary>
    public string OriginalEncodingName => Transcoded?.Encoding.Name ?? EncodingName(Encoding);

    /// <summary>The uploaded file's compression: a transcoded copy is plain text, its original may not be.</summary>
    public SourceCompression OriginalCompression => Transcoded?.Compression ?? (RecordsCopyOf is null ? Compression : RecordsCopyCompression);

    /// <summary>Deletes the transcoded and record copies and their folders once empty (nothing when there are none); the original stays with its owner.</summary>
    public void DeleteTranscodedCopy()
    {
        if (ArrowOriginal is not null || Workbook is not null)
        {
            DeleteCopy(Path);
        }
        if (RecordsCopyOf is not null)
        {
            DeleteCopy(Path);
        }
        if (Transcoded is not null)
        {
            DeleteCopy(RecordsCopyOf ?? Path);
        }
    }

    private static void DeleteCopy(string path)
    {
        File.Delete(path);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Another copy arrived meanwhile; the folder goes with the staged upload's.
        }
    }

    /// <summary>
    /// The DuckDB table function that reads the file. For CSV every column is read as VARCHAR, so the
    /// proposed schema decides each type and a value that does not parse can be seen beside its raw text.
    /// JSON and Parquet keep DuckDB's own types (JSON nesting becomes STRUCT/LIST/MAP).
    /// </summary>
    public string RawRelationSql() => Format switch
    {
        SourceFormat.Csv => CsvRelation(),
        SourceFormat.JsonArray => JsonRelation("array"),
        SourceFormat.JsonLines => JsonRelation("auto"),
        SourceFormat.Parquet => $"read_parquet({SqlText.Literal(Path)})",
        _ => throw new InvalidOperationException($"Unknown format {Format}."),
    };

    /// <summary>
    /// The CSV's table function with some columns read by DuckDB's own typed parser instead of as VARCHAR, and
    /// <paramref name="dateFormat"/> as the format of its DATE columns; a value those columns cannot read fails the scan.
    /// </summary>
    /// <param name="types">Source column name to a DuckDB type name the caller vouches for (never user text).</param>
    public string TypedCsvRelationSql(IReadOnlyDictionary<string, string> types, string dateFormat) => Format == SourceFormat.Csv
        ? CsvRelation(types, dateFormat)
        : throw new InvalidOperationException("Only a CSV source has typed reads.");

    private string CsvRelation(IReadOnlyDictionary<string, string>? types = null, string? dateFormat = null)
    {
        var dialect = Dialect ?? throw new InvalidOperationException("A CSV source needs a dialect.");
        var columns = string.Join(", ", Columns.Select(c => $"{SqlText.Literal(c.Name)}: {SqlText.Literal(types?.GetValueOrDefault(c.Name) ?? "VARCHAR")}"));
        var sql = new StringBuilder("read_csv(").Append(SqlText.Literal(Path))
            .Append(", auto_detect = false, delim = ").Append(SqlText.Literal(dialect.Delimiter))
            .Append(", quote = ").Append(SqlText.Literal(dialect.Quote))
            .Append(", escape = ").Append(SqlText.Literal(dialect.Escape))
            .Append(", header = ").Append(dialect.HasHeader ? "true" : "false")
            .Append(", skip = ").Append(dialect.SkipRows)
            .Append(", columns = {").Append(columns).Append('}');
        if (dateFormat is not null)
        {
            sql.Append(", dateformat = ").Append(SqlText.Literal(dateFormat));
        }

        sql
            .Append(", encoding = ").Append(SqlText.Literal(EncodingName(Encoding)))
            .Append(", null_padding = ").Append(dialect.NullPadding ? "true" : "false")
            .Append(", strict_mode = ").Append(dialect.StrictMode ? "true" : "false")
            .Append(", max_line_size = ").Append(CsvDialect.MaxLineBytes)
            .Append(", buffer_size = ").Append(CsvDialect.ReadBufferBytes);
        AppendCompression(sql);
        return sql.Append(')').ToString();
    }

    private string JsonRelation(string layout)
    {
        var sql = new StringBuilder("read_json(").Append(SqlText.Literal(Path))
            .Append(", format = ").Append(SqlText.Literal(layout))
            .Append(", maximum_object_size = ").Append(CsvDialect.MaxLineBytes);
        AppendCompression(sql);
        return sql.Append(')').ToString();
    }

    private void AppendCompression(StringBuilder sql)
    {
        if (Compression != SourceCompression.None)
        {
            sql.Append(", compression = ").Append(SqlText.Literal(CompressionName(Compression)));
        }
    }

    /// <summary>The encoding's name in DuckDB's spelling (utf-8, utf-16, latin-1).</summary>
    public static string EncodingName(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Utf16 => "utf-16",
        TextEncoding.Latin1 => "latin-1",
        _ => "utf-8",
    };

    /// <summary>The compression's name in DuckDB's spelling (none, gzip, zstd).</summary>
    public static string CompressionName(SourceCompression compression) => compression switch
    {
        SourceCompression.Gzip => "gzip",
        SourceCompression.Zstd => "zstd",
        _ => "none",
    };
}
