using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api;

public sealed class SqlExportApiTests : IAsyncLifetime
{
    // A small row limit: the export must not be bound by it.
    private readonly WorkbenchAppFactory _app = new(new Dictionary<string, string> { ["NeuroLake:RowLimit"] = "5" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Csv_export_streams_every_row_past_the_row_limit_as_an_attachment()
    {
        using var client = _app.CreateClient();
        var sql = Uri.EscapeDataString("SELECT range AS n, 'r' || range AS label FROM range(12) ORDER BY n");

        using var response = await client.GetAsync($"/api/v1/sql/export?format=csv&sql={sql}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("n,label", lines[0].Trim());
        Assert.Equal(13, lines.Length);
        Assert.Equal("11,r11", lines[^1].Trim());
    }

    [Fact]
    public async Task Json_export_from_a_post_body_writes_one_object_per_line()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/sql/export?format=json", new { sql = "SELECT range AS n FROM range(7)" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.EndsWith(".jsonl", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt64());
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), rows);
    }

    [Fact]
    public async Task Parquet_export_writes_a_parquet_file()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync($"/api/v1/sql/export?format=parquet&sql={Uri.EscapeDataString("SELECT 1 AS one")}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4));
    }

    [Theory]
    [InlineData("format=xlsx&sql=SELECT%201", "csv, parquet, json")]
    [InlineData("format=csv", "?sql=")]
    [InlineData("format=csv&sql=SELECT%201%3B%20SELECT%202", "exactly one query")]
    [InlineData("format=csv&sql=SELECT%20nope", "nope")]
    public async Task Bad_exports_answer_400_problem_details_instead_of_a_file(string query, string expected)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync($"/api/v1/sql/export?{query}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains(expected, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }
}
