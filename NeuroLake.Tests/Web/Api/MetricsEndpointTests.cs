using System.Net;
using System.Net.Http.Json;

namespace NeuroLake.Tests.Web.Api;

/// <summary><c>/metrics</c> in Prometheus' text format: after statements and a commit, the engine's series are there.</summary>
public sealed class MetricsEndpointTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly HttpClient _client;

    public MetricsEndpointTests(WorkbenchAppFactory app) => _client = app.CreateClient();

    [Fact]
    public async Task After_a_query_a_failed_statement_and_a_commit_the_metrics_show_each_series()
    {
        var schema = "metrics_" + Guid.NewGuid().ToString("N")[..8];
        var table = schema + ".numbers";
        await SqlAsync($"CREATE SCHEMA {schema}; CREATE TABLE {table} AS SELECT range AS id FROM range(100)", HttpStatusCode.OK);
        await SqlAsync($"SELECT count(*) FROM {table}", HttpStatusCode.OK);
        await SqlAsync("SELECT * FROM no_such_table_anywhere", HttpStatusCode.BadRequest);
        using (var ingested = await _client.PostAsync($"/api/v1/ingest?table={schema}.uploaded", new StringContent("id,city\n1,Oslo\n2,Lima\n")))
        {
            Assert.True(ingested.IsSuccessStatusCode, await ingested.Content.ReadAsStringAsync());
        }

        using var response = await _client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var samples = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(samples, s => s is { Name: "neurolake_statements_total" } && s.Labels["kind"] == "Query" && s.Labels["outcome"] == "ok" && s.Value >= 1);
        Assert.Contains(samples, s => s is { Name: "neurolake_statements_total" } && s.Labels["outcome"] == "error" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "neurolake_statement_duration_seconds_bucket" && s.Labels["kind"] == "CreateTableAsSelect");
        Assert.Contains(samples, s => s.Name == "neurolake_commits_total" && s.Labels["outcome"] == "committed" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "neurolake_bytes_written_bytes_total" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "neurolake_ingestions_total" && s.Labels["format"] == "csv" && s.Labels["outcome"] == "loaded" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "neurolake_job_queue_length" && s.Labels["queue"] == "maintenance");
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.GetValueOrDefault("http_route", "").StartsWith("/api/v1/sql", StringComparison.Ordinal));
        // Durations are in seconds, so the buckets are too (not the milliseconds of the default boundaries).
        Assert.Contains(samples, s => s.Name == "neurolake_statement_duration_seconds_bucket" && s.Labels["le"] == "0.005");
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v.Contains("no_such_table_anywhere", StringComparison.Ordinal)));
    }

    private async Task SqlAsync(string sql, HttpStatusCode expected)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sql", new { sql });
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
