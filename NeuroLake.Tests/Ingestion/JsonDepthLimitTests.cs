using System.IO.Compression;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class JsonDepthLimitTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    [Fact]
    public async Task Json_lines_nested_past_the_limit_are_refused_with_the_depth_and_line_before_duckdb_reads_them()
    {
        var path = _files.Write("events.json", "{\"id\": 1}\n{\"id\": 2}\n{\"id\": 3, \"deep\": " + Nested(69) + "}\n");

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Equal(
            "'events.json' is JSON nested 70 levels deep at line 3; the limit is 64 levels: flatten the deepest objects and arrays (or store them as JSON strings) and upload it again.",
            error.Message);
        Assert.DoesNotContain(_files.Folder, error.Message);
    }

    [Fact]
    public async Task A_hundred_thousand_levels_gzip_compressed_are_refused_and_the_line_counts_across_chunks()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 5_000; i++)
        {
            text.Append("{\"id\": ").Append(i).Append(", \"name\": \"row number ").Append(i).Append("\"}\n");
        }

        text.Append(Nested(100_000)).Append('\n');
        var path = Path.Combine(_files.Folder, "deep.json.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.StartsWith("'deep.json.gz' is JSON nested 100,000 levels deep at line 5,001; the limit is 64 levels", error.Message);
    }

    [Fact]
    public async Task Zstd_compressed_json_is_checked_too()
    {
        var path = Path.Combine(_files.Folder, "deep.json.zst");
        _db.Connection.Execute(
            $"COPY (SELECT repeat('[', 1000) || repeat(']', 1000) AS j) TO '{path}' (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\u0001', COMPRESSION zstd)");

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.StartsWith("'deep.json.zst' is JSON nested 1,000 levels deep at line 1", error.Message);
    }

    [Fact]
    public void Nesting_at_the_limit_passes_and_one_level_more_does_not()
    {
        var atLimit = new JsonDepthScan("ok.json");
        atLimit.Write(Encoding.UTF8.GetBytes(Nested(JsonDepthScan.MaxDepth)));
        atLimit.Complete();

        var past = new JsonDepthScan("deep.json");
        past.Write(Encoding.UTF8.GetBytes(Nested(JsonDepthScan.MaxDepth + 1)));
        Assert.Throws<IngestionException>(past.Complete);
    }

    [Fact]
    public async Task Ordinary_nested_json_is_read_and_text_that_only_looks_like_json_is_still_csv()
    {
        var json = await SourceDetector.DetectAsync(_db.Connection, _files.Write(
            "people.json", "[{\"id\": 1, \"address\": {\"city\": \"Oslo\", \"geo\": {\"lat\": 59.9}}, \"tags\": [[\"a\"]]}]"));
        var csv = await SourceDetector.DetectAsync(_db.Connection, _files.Write("brackets.txt", "[id],[name]\n[1],[a]\n[2],[b]\n"));

        Assert.Equal(SourceFormat.JsonArray, json.Format);
        Assert.Contains(json.Columns, c => c.Name == "address");
        Assert.Equal(SourceFormat.Csv, csv.Format);
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }

    /// <summary>Arrays nested <paramref name="levels"/> deep around a number.</summary>
    private static string Nested(int levels) => new string('[', levels) + "1" + new string(']', levels);
}
