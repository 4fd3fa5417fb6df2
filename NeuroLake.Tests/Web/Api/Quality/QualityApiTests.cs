using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Quality;

/// <summary>
/// <c>/api/v1/quality</c>: a script re-profiles a table through the jobs platform (202 and a run to poll), then reads the
/// score, checks and profile the Quality tab shows, and the score per version; hidden tables answer 404.
/// </summary>
public sealed class QualityApiTests
{
    [Fact]
    public async Task A_reprofile_run_adds_a_scored_measurement_the_script_then_reads() => await ReprofileAsync(null);

    [PostgresFact]
    public Task A_reprofile_run_adds_a_scored_measurement_the_script_then_reads_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_quality_api", ReprofileAsync);

    private static async Task ReprofileAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(catalog: catalog);
        var analyst = app.As(TokenApiApp.Analyst);

        var before = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/quality/main.sales.orders/history");
        using var accepted = await analyst.PostAsync("/api/v1/quality/main.sales.orders/reprofile", null);
        var run = await WaitAsync(analyst, accepted.Headers.Location!.OriginalString);
        var latest = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/quality/main.sales.orders");
        var history = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/quality/main.sales.orders/history");

        // The CREATE TABLE AS SELECT that made the table was profiled after its commit.
        Assert.Equal([0L], before.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("tableVersion").GetInt64()));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.StartsWith("/api/v1/jobs/runs/", accepted.Headers.Location.OriginalString);
        Assert.Equal(("Succeeded", "QualityReprofile", TokenApiApp.Analyst),
            (run.GetProperty("status").GetString(), run.GetProperty("kind").GetString(), run.GetProperty("triggeredBy").GetString()));
        Assert.InRange(latest.GetProperty("score").GetInt32(), 0, 100);
        Assert.Contains(latest.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "quality_score");
        Assert.Equal(["amount", "id"], latest.GetProperty("profile").EnumerateArray().Select(p => p.GetProperty("column").GetString()));
        var point = history.GetProperty("points").EnumerateArray().Last();
        Assert.Equal(2, history.GetProperty("points").GetArrayLength());
        Assert.Equal((3L, latest.GetProperty("score").GetInt32()), (point.GetProperty("rowCount").GetInt64(), point.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task A_table_the_analyst_may_not_read_answers_404_and_starts_no_run()
    {
        await using var app = await TokenApiApp.StartAsync();
        var analyst = app.As(TokenApiApp.Analyst);

        using var reprofile = await analyst.PostAsync("/api/v1/quality/main.hr.salaries/reprofile", null);
        using var latest = await analyst.GetAsync("/api/v1/quality/main.hr.salaries");
        using var history = await analyst.GetAsync("/api/v1/quality/main.hr.salaries/history");
        var runs = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/jobs/runs?kind=QualityReprofile");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { reprofile.StatusCode, latest.StatusCode, history.StatusCode });
        Assert.DoesNotContain("5000", await latest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, runs.GetProperty("total").GetInt32());
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, string runPath)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>(runPath, timeout.Token);
            if (run.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled" or "Skipped")
            {
                return run;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
