using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Tests.Web.Lineage;

/// <summary>The lineage page and the table page's Lineage and Quality tabs as the server first renders them, over real tables.</summary>
public sealed class LineageAndQualityPagesTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        var queries = _app.Services.GetRequiredService<QueryService>();
        var request = new QueryRequest("tester");
        await queries.ExecuteAsync("CREATE SCHEMA birds", request);
        await queries.ExecuteAsync("CREATE TABLE birds.strikes AS SELECT range AS id, range * 10 AS cost FROM range(5)", request);
        await queries.ExecuteAsync("CREATE TABLE birds.costs AS SELECT id, cost FROM birds.strikes WHERE cost > 0", request);
        await queries.ExecuteAsync("CREATE TABLE birds.alone AS SELECT 1 AS id", request);
        await queries.ExecuteAsync("CREATE TABLE birds.bare (id BIGINT)", request);
        // Tables created with rows are profiled in the background; the measurement below must be the newest.
        await _app.Services.GetRequiredService<QualityProfileQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await _app.Services.GetRequiredService<QualityStore>().RecordAsync(SecurablePath.ForTable("main", "birds", "strikes"),
        [
            new QualityMeasurement(null, DateTimeOffset.UtcNow, 0, RowCount: 5,
                Checks: [new QualityCheckResult("quality_score", false, "75/100 (-25: 20.0% of values in cost are null)")]),
            new QualityMeasurement("cost", DateTimeOffset.UtcNow, 0, 5, NullPercent: 20, DistinctCount: 4),
        ]);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task The_lineage_page_lists_the_ctas_edge_with_its_statement()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/lineage/birds/strikes"));

        Assert.Contains("aria-label=\"Lineage edges\"", html);
        Assert.Contains("href=\"catalog/birds/costs\"", html);
        Assert.Contains("CREATE TABLE birds.costs AS SELECT id, cost FROM birds.strikes", html);
    }

    [Fact]
    public async Task A_table_without_lineage_says_so()
    {
        var html = await _client.GetStringAsync("/catalog/birds/alone?tab=lineage");

        Assert.Contains("lineage is recorded for <code>main.birds.alone</code> yet", html);
    }

    [Fact]
    public async Task An_unknown_table_shows_the_catalog_error_in_place()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/lineage/birds/missing?view=impact"));

        Assert.Contains("mud-alert-text-error", html);
        Assert.Contains("main.birds.missing", html);
    }

    [Fact]
    public async Task The_quality_tab_shows_the_score_its_reasons_and_the_latest_checks()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/catalog/birds/strikes?tab=quality"));

        Assert.Contains("75/100", html);
        Assert.Contains("-25: 20.0% of values in cost are null", html);
        Assert.Contains("aria-label=\"Latest checks\"", html);
        Assert.Contains("fail", html);
    }

    [Fact]
    public async Task A_table_never_measured_says_how_measurements_arrive()
    {
        var html = await _client.GetStringAsync("/catalog/birds/bare?tab=quality");

        Assert.Contains("No quality measurements", html);
    }
}
