using System.IO.Compression;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class SourceDetectorTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    [Theory]
    [InlineData("airports.csv", SourceFormat.Csv, ",", "\"", 7)]
    [InlineData("birdstrikes.csv", SourceFormat.Csv, ",", "", 14)]
    [InlineData("unemployment.tsv", SourceFormat.Csv, "\t", "", 2)]
    [InlineData("movies.json", SourceFormat.JsonArray, null, null, 16)]
    [InlineData("weekly-weather.json", SourceFormat.JsonArray, null, null, 6)]
    [InlineData("world-countries.json", SourceFormat.JsonArray, null, null, 24)]
    [InlineData("flights-3m.parquet", SourceFormat.Parquet, null, null, 5)]
    public async Task Messy_files_get_their_format_dialect_and_columns(string file, SourceFormat format, string? delimiter, string? quote, int columns)
    {
        var source = await SourceDetector.DetectAsync(_db.Connection, IngestionTestFiles.Messy(file));
        Assert.Equal(format, source.Format);
        Assert.Equal(SourceCompression.None, source.Compression);
        Assert.Equal(TextEncoding.Utf8, source.Encoding);
        Assert.Equal(columns, source.Columns.Count);
        if (delimiter is not null)
        {
            Assert.Equal(delimiter, source.Dialect!.Delimiter);
            Assert.Equal(quote, source.Dialect.Quote);
            Assert.True(source.Dialect.HasHeader);
        }
    }

    [Fact]
    public async Task Gzip_csv_is_detected_by_magic_bytes_and_read_compressed()
    {
        var path = Path.Combine(_files.Folder, "data.bin");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("a;b\n1;x\n2;y\n3;z\n"));
        }
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal((SourceFormat.Csv, SourceCompression.Gzip, ";"), (source.Format, source.Compression, source.Dialect!.Delimiter));
        Assert.Equal(3L, _db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}"));
    }

    [Fact]
    public async Task Zstd_json_lines_are_detected_and_read_compressed()
    {
        var path = Path.Combine(_files.Folder, "events.json.zst");
        _db.Connection.Execute($"COPY (SELECT range AS id, 'e' || range AS name FROM range(5)) TO '{path}' (FORMAT json, COMPRESSION zstd)");
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal((SourceFormat.JsonLines, SourceCompression.Zstd), (source.Format, source.Compression));
        Assert.Equal(["id", "name"], source.Columns.Select(c => c.Name));
        Assert.Equal(5L, _db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}"));
    }

    [Fact]
    public async Task Zstd_csv_is_detected_and_read_compressed()
    {
        var path = Path.Combine(_files.Folder, "rows.zst");
        _db.Connection.Execute($"COPY (SELECT range AS id, range * 2 AS twice FROM range(4)) TO '{path}' (FORMAT csv, HEADER, DELIMITER '|', COMPRESSION zstd)");
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal((SourceFormat.Csv, SourceCompression.Zstd, "|"), (source.Format, source.Compression, source.Dialect!.Delimiter));
        Assert.Equal(4L, _db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}"));
    }

    [Fact]
    public async Task Utf16_with_bom_is_detected_and_decoded()
    {
        var path = _files.Write("utf16.csv", "name,city\nZoë,Zürich\nRenée,Malmö\n", Encoding.Unicode);
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal(TextEncoding.Utf16, source.Encoding);
        Assert.Equal("Malmö", _db.Scalar($"SELECT city FROM {source.RawRelationSql()} WHERE name = 'Renée'"));
    }

    [Fact]
    public async Task Latin1_is_detected_from_invalid_utf8_and_decoded()
    {
        var path = _files.WriteBytes("latin1.csv", Encoding.Latin1.GetBytes("name;city\nJosé;São Paulo\nFrançois;Besançon\n"));
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal(TextEncoding.Latin1, source.Encoding);
        Assert.Equal("Besançon", _db.Scalar($"SELECT city FROM {source.RawRelationSql()} WHERE name = 'François'"));
    }

    [Fact]
    public async Task Empty_file_and_corrupt_parquet_are_refused_with_a_fix()
    {
        var empty = _files.Write("empty.csv", "");
        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, empty));
        Assert.Contains("empty", error.Message);

        var truncated = _files.WriteBytes("broken.parquet", [.. "PAR1"u8, 1, 2, 3, 4, 5, 6]);
        error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, truncated));
        Assert.Contains("footer", error.Message);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_fix()
    {
        var path = _files.Write("broken.json", "[{\"a\": 1}, {\"a\": ");
        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));
        Assert.Contains("could not be read as JsonArray", error.Message);
    }

    [Fact]
    public async Task Text_that_only_starts_like_json_is_delimited_text()
    {
        var path = _files.Write("export.txt", "[id];[name]\n1;a\n2;b\n");
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        Assert.Equal((SourceFormat.Csv, ";"), (source.Format, source.Dialect!.Delimiter));
        Assert.Equal(["[id]", "[name]"], source.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Truncated_gzip_is_refused_with_a_fix()
    {
        var path = Path.Combine(_files.Folder, "cut.csv.gz");
        using (var buffer = new MemoryStream())
        {
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},row {i}\n"))));
            }
            await File.WriteAllBytesAsync(path, buffer.ToArray()[..(int)(buffer.Length / 2)]);
        }
        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));
        Assert.Contains("truncated gzip", error.Message);
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
