using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>The dialect and column types of delimited text, from DuckDB's sniff_csv.</summary>
internal static class CsvSniffer
{
    /// <summary>
    /// Sniffs with DuckDB's defaults; if that fails, leniently (strict_mode off). When the sniffer skips
    /// leading rows, that is usually a ragged file, so it sniffs again with NULL padding and keeps that
    /// reading if it finds the header on the first line.
    /// </summary>
    public static DetectedSource Sniff(DuckDbConnection connection, DetectedSource source, CancellationToken ct)
    {
        DetectedSource sniffed;
        try
        {
            sniffed = SniffWith(connection, source, nullPadding: false, strict: true, ct);
        }
        catch (DuckDbException)
        {
            sniffed = Guard(source, () => SniffWith(connection, source, nullPadding: false, strict: false, ct));
        }
        if (sniffed.Dialect!.SkipRows > 0)
        {
            try
            {
                var padded = SniffWith(connection, source, nullPadding: true, strict: sniffed.Dialect.StrictMode, ct);
                if (padded.Dialect!.SkipRows == 0)
                {
                    return padded;
                }
            }
            catch (DuckDbException)
            {
                // Keep the first reading.
            }
        }
        return sniffed;
    }

    /// <summary>Sniffs only the column types of a CSV copy NeuroLake wrote itself, whose dialect is <paramref name="dialect"/> (read_csv options).</summary>
    public static DetectedSource SniffWritten(DuckDbConnection connection, DetectedSource source, string dialect, CancellationToken ct) =>
        Guard(source, () => SniffWith(connection, source, nullPadding: false, strict: true, ct, dialect));

    private static DetectedSource Guard(DetectedSource source, Func<DetectedSource> sniff)
    {
        try
        {
            return sniff();
        }
        catch (DuckDbException e)
        {
            throw new IngestionException(
                $"'{System.IO.Path.GetFileName(source.Path)}' could not be read as delimited text: {TextPrefix.FirstLine(e.Message)}. Check the file or set the delimiter and quote explicitly.", e);
        }
    }

    private static DetectedSource SniffWith(DuckDbConnection connection, DetectedSource source, bool nullPadding, bool strict, CancellationToken ct, string? options = null)
    {
        var sql = "SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, DateFormat, TimestampFormat, " +
                  "list_transform(Columns, c -> c.name), list_transform(Columns, c -> c.type) " +
                  $"FROM sniff_csv({SqlText.Literal(source.Path)}, encoding = {SqlText.Literal(DetectedSource.EncodingName(source.Encoding))}, " +
                  $"compression = {SqlText.Literal(DetectedSource.CompressionName(source.Compression))}, " +
                  $"null_padding = {(nullPadding ? "true" : "false")}, strict_mode = {(strict ? "true" : "false")}, max_line_size = {CsvDialect.MaxLineBytes}, buffer_size = {CsvDialect.ReadBufferBytes}" +
                  (options is null ? ")" : $", {options})");
        using var reader = connection.ExecuteReader(sql, ct);
        if (!reader.Read())
        {
            throw new IngestionException($"'{System.IO.Path.GetFileName(source.Path)}' gave DuckDB's CSV sniffer nothing to read: upload a file with rows.");
        }
        var dialect = new CsvDialect(
            Delimiter: Character(reader, 0) is { Length: > 0 } delimiter ? delimiter : ",",
            Quote: Character(reader, 1),
            Escape: Character(reader, 2),
            HasHeader: !reader.IsDBNull(3) && reader.GetBoolean(3),
            SkipRows: reader.IsDBNull(4) ? 0 : (int)reader.GetInt64(4),
            DateFormat: reader.IsDBNull(5) ? null : Character(reader, 5),
            TimestampFormat: reader.IsDBNull(6) ? null : Character(reader, 6),
            NullPadding: nullPadding,
            StrictMode: strict);
        var names = (List<object?>)reader.GetValue(7)!;
        var types = (List<object?>)reader.GetValue(8)!;
        var columns = names.Select((n, i) => new SourceColumn((string)n!, (string)types[i]!, ReadAsText: true)).ToList();
        return source with { Dialect = dialect, Columns = columns };
    }

    /// <summary>The sniffer spells "no character" as "(empty)".</summary>
    private static string Character(DuckDbDataReader reader, int ordinal)
    {
        var value = reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
        return value == "(empty)" ? "" : value;
    }
}
