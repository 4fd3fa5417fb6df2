using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Web;

public sealed class IngestApiTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_raw_body_creates_a_table_and_a_multipart_upload_appends_to_it_with_the_file_as_lineage()
    {
        var path = SharedData.Messy("birdstrikes.csv");
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        await using var raw = File.OpenRead(path);
        using var rawContent = new StreamContent(raw);
        rawContent.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"../../bird strikes.csv\"" };

        using var created = await _client.PostAsync("/api/v1/ingest?table=wildlife.strikes&mode=create", rawContent);
        var report = await JsonOf(created);

        Assert.Equal(0, report.GetProperty("tableVersion").GetInt64());
        Assert.Equal("main.wildlife.strikes", report.GetProperty("table").GetString());
        Assert.Equal((10000L, 10000L, 0L), (report.GetProperty("rowsRead").GetInt64(), report.GetProperty("rowsLoaded").GetInt64(), report.GetProperty("rowsQuarantined").GetInt64()));
        Assert.Equal(("csv", ","), (report.GetProperty("source").GetProperty("format").GetString(), report.GetProperty("source").GetProperty("delimiter").GetString()));
        Assert.Equal("bird_strikes.csv", report.GetProperty("sourceFile").GetProperty("name").GetString());
        Assert.Equal(sha, report.GetProperty("sourceFile").GetProperty("sha256").GetString());
        Assert.Contains(report.GetProperty("columns").EnumerateArray(), c => c.GetProperty("sourceName").GetString() == "Cost Total $");
        Assert.InRange(report.GetProperty("qualityScore").GetInt32(), 0, 100);

        using var form = new MultipartFormDataContent();
        var part = new StreamContent(File.OpenRead(path));
        form.Add(new StringContent("ignored"), "comment");
        form.Add(part, "file", "more strikes.csv");
        using var appended = await _client.PostAsync("/api/v1/ingest?table=wildlife.strikes&mode=append", form);
        var second = await JsonOf(appended);

        Assert.Equal((1L, 10000L), (second.GetProperty("tableVersion").GetInt64(), second.GetProperty("rowsLoaded").GetInt64()));
        var files = await _app.Services.GetRequiredService<SourceFileStore>().ForTableAsync(SecurablePath.ForTable("main", "wildlife", "strikes"));
        Assert.Equal([("more_strikes.csv", 1L), ("bird_strikes.csv", 0L)], files.Select(f => (f.FileName, f.TableVersion)));
        Assert.All(files, f => Assert.Equal((sha, new FileInfo(path).Length), (f.Sha256, f.Size)));
        Assert.Equal(second.GetProperty("ingestionId").GetString(), files[0].ProducerId);
        var table = await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "wildlife", "strikes"));
        Assert.Equal(1, table!.CurrentVersion);
        Assert.Contains("ingested", table.Tags);
        Assert.Contains("csv", table.Tags);
        Assert.Contains("bird_strikes.csv", table.Description);
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task A_multipart_upload_reports_pii_and_the_catalog_gets_semantic_types_and_source_column_names()
    {
        var text = new StringBuilder("id,contact email,amount\n");
        for (var i = 1; i <= 2_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},person{i}@example.com,{i * 0.5}\n");
        }

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString())), "upload", "people.csv");

        using var response = await _client.PostAsync("/api/v1/ingest?table=crm.people", form);
        var report = await JsonOf(response);

        Assert.Equal("DOUBLE", report.GetProperty("columns")[2].GetProperty("type").GetString());
        Assert.Equal((2_000L, 2_000L, 0L), (report.GetProperty("rowsRead").GetInt64(), report.GetProperty("rowsLoaded").GetInt64(), report.GetProperty("rowsQuarantined").GetInt64()));
        var pii = Assert.Single(report.GetProperty("pii").EnumerateArray());
        Assert.Equal(("contact_email", "email"), (pii.GetProperty("column").GetString(), pii.GetProperty("type").GetString()));
        var column = (await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "crm", "people")))!
            .Columns.Single(c => c.Name == "contact_email");
        Assert.Equal(("email", "From the source column 'contact email'."), (column.SemanticType, column.Description));
    }

    [Fact]
    public async Task A_gzip_compressed_utf16_big_endian_body_is_transcoded_loaded_and_its_copy_removed()
    {
        using var buffer = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(new UnicodeEncoding(bigEndian: true, byteOrderMark: true).GetPreamble());
            await gzip.WriteAsync(new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes("id,city\n1,Zürich\n2,東京\n3,Malmö\n"));
        }

        using var response = await _client.PostAsync("/api/v1/ingest?table=geo.cities&filename=cities.csv.gz&encoding=utf-16be", new ByteArrayContent(buffer.ToArray()));
        var report = await JsonOf(response);

        Assert.Equal(("utf-16be", "gzip"), (report.GetProperty("source").GetProperty("encoding").GetString(), report.GetProperty("source").GetProperty("compression").GetString()));
        Assert.Equal((3L, 3L), (report.GetProperty("rowsRead").GetInt64(), report.GetProperty("rowsLoaded").GetInt64()));
        Assert.Equal("BIGINT", report.GetProperty("columns")[0].GetProperty("type").GetString());
        Assert.Empty(StagedFiles());
    }

    [Theory]
    [InlineData("struct", "properties", 3)]
    [InlineData("flatten", "properties_mag", 5)]
    public async Task A_geojson_body_loads_one_row_per_feature_with_nested_objects_kept_or_flattened(string nesting, string column, int columns)
    {
        var features = string.Join(",", Enumerable.Range(1, 25).Select(i =>
            $$$"""{"type":"Feature","properties":{"mag":{{{i}}}.5,"place":"p{{{i}}}"},"geometry":{"type":"Point","coordinates":[{{{i}}},{{{-i}}}]}}"""));
        using var body = new StringContent($$"""{"type":"FeatureCollection","features":[{{features}}]}""", Encoding.UTF8);

        using var response = await _client.PostAsync($"/api/v1/ingest?table=geo.quakes_{nesting}&filename=quakes.geojson&nesting={nesting}", body);
        var report = await JsonOf(response);

        Assert.Equal((25L, 25L), (report.GetProperty("rowsRead").GetInt64(), report.GetProperty("rowsLoaded").GetInt64()));
        var names = report.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(column, names);
        Assert.Equal(columns, names.Count);
        Assert.Empty(StagedFiles());
    }

    [Theory]
    [InlineData("/api/v1/ingest?mode=create", "no table")]
    [InlineData("/api/v1/ingest?table=a.b.c.d", "4 part(s)")]
    [InlineData("/api/v1/ingest?table=crm.people&mode=upsert", "mode='upsert'")]
    [InlineData("/api/v1/ingest?table=crm.missing&mode=append", "does not exist")]
    [InlineData("/api/v1/ingest?table=crm.people&mode=create&key=id", "Key columns are only used by a merge")]
    [InlineData("/api/v1/ingest?table=crm.people&encoding=ebcdic", "encoding='ebcdic' is not an encoding")]
    [InlineData("/api/v1/ingest?table=crm.people&nesting=deep", "nesting='deep' is not a JSON nesting choice")]
    public async Task Bad_requests_get_problem_details_naming_the_fix_and_leave_nothing_behind(string url, string expected)
    {
        using var body = new StringContent("id,name\n1,ann\n");

        using var response = await _client.PostAsync(url, body);

        await AssertProblemAsync(response, expected);
        Assert.DoesNotContain(_app.DataDirectory, await response.Content.ReadAsStringAsync());
        Assert.Empty(StagedFiles());
        Assert.False(Directory.Exists(Path.Combine(_app.DataDirectory, "warehouse", "main", "crm", "people")), "A refused load left a table folder.");
    }

    [Fact]
    public async Task An_empty_body_is_refused_and_an_existing_table_is_untouched()
    {
        using var first = await _client.PostAsync("/api/v1/ingest?table=crm.people&filename=people.csv", new StringContent("id,name\n1,ann\n"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var empty = await _client.PostAsync("/api/v1/ingest?table=crm.people&mode=overwrite&filename=empty.csv", new ByteArrayContent([]));

        await AssertProblemAsync(empty, "'empty.csv' is empty");
        var table = await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "crm", "people"));
        Assert.Equal(0, table!.CurrentVersion);
        Assert.Empty(StagedFiles());
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }

    private string[] StagedFiles()
    {
        var folder = Path.Combine(_app.DataDirectory, "staging", "uploads");
        return Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder) : [];
    }
}
