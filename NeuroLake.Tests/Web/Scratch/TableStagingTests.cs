using System.Net;
using System.Net.Http.Json;

namespace NeuroLake.Tests.Web.Scratch;

/// <summary>
/// The table layer stages checkpoint and rewrite files in the instance's staging folder, which the SQL service's
/// sandbox must let DuckDB reach (QuerySandbox allows <c>LocalStaging.Root</c>).
/// </summary>
public sealed class TableStagingTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>, IDisposable
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Sql_writes_that_checkpoint_merge_and_optimize_reach_the_staging_folder()
    {
        await RunAsync("CREATE SCHEMA staged");
        await RunAsync("CREATE TABLE staged.t (id INTEGER, v VARCHAR)");
        for (var i = 1; i <= 11; i++)
        {
            // The tenth commit writes a checkpoint through the staging folder.
            await RunAsync($"INSERT INTO staged.t VALUES ({i}, 'x')");
        }

        await RunAsync("MERGE INTO staged.t AS t USING (SELECT 1 AS id, 'y' AS v) AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v");
        await RunAsync("OPTIMIZE staged.t");

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "warehouse", "main", "staged", "t", "_delta_log", "00000000000000000010.checkpoint.parquet")));
    }

    public void Dispose() => _client.Dispose();

    private async Task RunAsync(string sql)
    {
        using var answer = await _client.PostAsJsonAsync("/api/v1/sql", new { sql });
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{sql}: {await answer.Content.ReadAsStringAsync()}");
    }
}
