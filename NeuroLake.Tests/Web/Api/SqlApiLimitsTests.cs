using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api;

/// <summary>
/// Hostile statements through the HTTP API against a workbench with small limits: each answers a clear 400, and the
/// server stays healthy for the next request.
/// </summary>
public sealed class SqlApiLimitsTests : IAsyncDisposable
{
    private WorkbenchAppFactory _app = default!;
    private HttpClient _client = default!;

    private void Start(TimeSpan statementTimeout)
    {
        _app = new WorkbenchAppFactory(new Dictionary<string, string>
        {
            ["NeuroLake:Query:StatementTimeout"] = statementTimeout.ToString("c"),
            ["NeuroLake:DuckDb:MemoryLimit"] = "256MB",
            ["NeuroLake:DuckDb:Threads"] = "2",
        });
        _client = _app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_statement_past_the_timeout_answers_400_and_the_server_stays_healthy()
    {
        Start(TimeSpan.FromSeconds(2));
        using var response = await PostSqlAsync("SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3");

        var problem = await ReadProblemAsync(response);
        Assert.Equal("Statement timed out", problem.GetProperty("title").GetString());
        Assert.Contains("raise the statement timeout in Admin → Settings", problem.GetProperty("detail").GetString());
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task A_string_agg_of_20_million_rows_stays_inside_the_memory_limit()
    {
        Start(TimeSpan.FromMinutes(10));

        // About 170 MB of text plus DuckDB's working state: more than 256 MB allows. DuckDB must stop it with its
        // own out-of-memory error (the limit holds) instead of the process growing until the OS kills it.
        using var response = await PostSqlAsync("SELECT length(string_agg(lpad(range::VARCHAR, 8, '0'), ',')) FROM range(20000000)");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Finishing is also fine, as long as the answer is right: DuckDB spilled within its limit.
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(20_000_000L * 9 - 1, json.RootElement.GetProperty("statements")[0].GetProperty("rows")[0][0].GetInt64());
        }
        else
        {
            var problem = await ReadProblemAsync(response);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("Out of Memory", detail, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(_app.DataDirectory, detail);
        }

        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Deeply_nested_parentheses_answer_400_without_crashing_the_server()
    {
        Start(TimeSpan.FromMinutes(10));
        var sql = "SELECT " + new string('(', 60_000) + "1" + new string(')', 60_000);

        using var response = await PostSqlAsync(sql);

        var problem = await ReadProblemAsync(response);
        Assert.Contains("nest", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await AssertHealthyAsync();
    }

    private Task<HttpResponseMessage> PostSqlAsync(string sql) => _client.PostAsJsonAsync("/api/v1/sql", new { sql });

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task AssertHealthyAsync()
    {
        using var health = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var next = await PostSqlAsync("SELECT 41 + 1 AS answer");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("42", await next.Content.ReadAsStringAsync());
    }
}
