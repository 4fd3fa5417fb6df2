using System.Net;
using System.Text;
using System.Text.Json;

namespace NeuroLake.Tests.Web;

public sealed class IngestJsonDepthTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>, IDisposable
{
    private readonly WorkbenchAppFactory _app = app;
    private readonly HttpClient _client = app.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Json_nested_a_hundred_thousand_levels_answers_400_and_the_server_stays_healthy()
    {
        var deep = "{\"a\": " + new string('[', 100_000) + new string(']', 100_000) + "}";
        using var body = new StringContent(deep, Encoding.UTF8, "application/json");

        using var answer = await _client.PostAsync("/api/v1/ingest?table=hostile.deep&mode=create&filename=deep.json", body);
        var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        using var live = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(
            "'deep.json' is JSON nested 100,001 levels deep at line 1; the limit is 64 levels: flatten the deepest objects and arrays (or store them as JSON strings) and upload it again.",
            problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(_app.DataDirectory, problem.ToString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_app.DataDirectory, "staging", "uploads")));
    }

    [Fact]
    public async Task Ordinary_nested_json_still_loads()
    {
        var lines = "{\"id\": 1, \"customer\": {\"name\": \"Ada\", \"address\": {\"city\": \"London\"}}, \"items\": [{\"sku\": \"a\", \"qty\": 2}]}\n" +
                    "{\"id\": 2, \"customer\": {\"name\": \"Alan\", \"address\": {\"city\": \"Wilmslow\"}}, \"items\": []}\n";
        using var body = new StringContent(lines, Encoding.UTF8, "application/x-ndjson");

        using var answer = await _client.PostAsync("/api/v1/ingest?table=shop.orders&mode=create&filename=orders.ndjson", body);
        var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(2, report.GetProperty("rowsLoaded").GetInt64());
    }
}
