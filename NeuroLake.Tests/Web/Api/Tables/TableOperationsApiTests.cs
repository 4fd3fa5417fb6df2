using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Api.Operations;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// OPTIMIZE, VACUUM and RESTORE answer 202 with an operation that its caller polls and may cancel; nobody else sees it.
/// </summary>
public sealed class TableOperationsApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Optimize_is_accepted_then_polled_until_it_succeeds_with_its_result()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.small AS SELECT 1 AS id; INSERT INTO sales.small VALUES (2); INSERT INTO sales.small VALUES (3)");

        var (status, accepted) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.small/optimize", null);
        var done = await lake.Admin.PollOperationAsync(accepted);
        var (otherStatus, _) = await lake.AnalystClient.GetApiAsync($"/api/v1/operations/{accepted.GetProperty("id").GetGuid()}");
        var (_, analystList) = await lake.AnalystClient.GetApiAsync("/api/v1/operations");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(("optimize", "main.sales.small", AccountsApp.AdminName), (
            accepted.GetProperty("kind").GetString(), accepted.GetProperty("table").GetString(), accepted.GetProperty("owner").GetString()));
        Assert.Equal("Succeeded", done.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("finishedAt").ValueKind);
        var result = done.GetProperty("result");
        Assert.NotEmpty(result.GetProperty("columns").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Empty(analystList.EnumerateArray());
        var history = (await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.small/history?take=1")).Json;
        Assert.Equal("OPTIMIZE", history.GetProperty("entries")[0].GetProperty("operation").GetString());
    }

    [Fact]
    public async Task Vacuum_dry_run_answers_what_it_would_delete_and_restore_brings_a_version_back()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.undo AS SELECT 1 AS id; DELETE FROM sales.undo");

        var (dryStatus, dry) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.undo/vacuum", new { retainHours = 200, dryRun = true });
        var (restoreStatus, restore) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.undo/restore", new { version = 0 });
        var restored = await lake.Admin.PollOperationAsync(restore);
        var (badStatus, bad) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.undo/restore", new { version = 0, timestamp = DateTimeOffset.UtcNow });
        var (failedStatus, failing) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.undo/restore", new { version = 99 });
        var failed = await lake.Admin.PollOperationAsync(failing);

        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.NotEmpty(dry.GetProperty("columns").EnumerateArray());
        Assert.Equal((HttpStatusCode.Accepted, "Succeeded"), (restoreStatus, restored.GetProperty("status").GetString()));
        Assert.Equal([1], (await lake.RowsAsync("SELECT id FROM sales.undo")).Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("not both", bad.Detail());
        Assert.Equal((HttpStatusCode.Accepted, "Failed"), (failedStatus, failed.GetProperty("status").GetString()));
        Assert.Equal(400, failed.GetProperty("problem").GetProperty("status").GetInt32());
        Assert.DoesNotContain(lake.App.DataDirectory, failed.GetRawText());
    }

    [Fact]
    public async Task A_running_operation_is_cancelled_by_its_caller_and_a_finished_one_is_a_conflict()
    {
        var registry = lake.App.Services.GetRequiredService<OperationRegistry>();
        var started = new TaskCompletionSource();
        var operation = registry.Start(AccountsApp.AdminName, "optimize", "main.sales.orders", async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return default;
        });
        await started.Task;

        var (othersStatus, _) = await lake.AnalystClient.PostApiAsync($"/api/v1/operations/{operation.Id}/cancel", null);
        var (status, _) = await lake.Admin.PostApiAsync($"/api/v1/operations/{operation.Id}/cancel", null);
        var cancelled = await lake.Admin.PollOperationAsync(JsonSerializer.SerializeToElement(new { id = operation.Id }));
        var (againStatus, again) = await lake.Admin.PostApiAsync($"/api/v1/operations/{operation.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, othersStatus);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Contains("already ended", again.Detail());
    }

    [PostgresFact]
    public Task Create_write_and_optimize_on_PostgreSQL() =>
        PostgresCatalogSettings.RunAsync("neurolake_tabapi", async catalog =>
        {
            var postgres = new LakeApiApp(catalog);
            await postgres.InitializeAsync();
            try
            {
                var (created, _) = await postgres.Admin.PostApiAsync("/api/v1/tables", new { name = "main.sales.pg", columns = new[] { new { name = "id", type = "INT" } } });
                await postgres.Admin.PostApiAsync("/api/v1/tables/main.sales.pg/rows", new { rows = new[] { new { id = 1 } } });
                await postgres.Admin.PostApiAsync("/api/v1/tables/main.sales.pg/rows", new { rows = new[] { new { id = 2 } } });
                var (_, accepted) = await postgres.Admin.PostApiAsync("/api/v1/tables/main.sales.pg/optimize", null);
                var done = await postgres.Admin.PollOperationAsync(accepted);
                var (hiddenStatus, _) = await postgres.AnalystClient.GetApiAsync("/api/v1/tables/main.hr.salaries/rows");
                var (forbidden, _) = await postgres.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.pg/rows", new { rows = new[] { new { id = 3 } } });
                var (_, masked) = await postgres.AnalystClient.GetApiAsync("/api/v1/tables/main.sales.customers/rows");

                Assert.Equal(HttpStatusCode.Created, created);
                Assert.Equal("Succeeded", done.GetProperty("status").GetString());
                Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (hiddenStatus, forbidden));
                Assert.DoesNotContain("john@", masked.GetRawText());
                Assert.Equal(2L, (await postgres.RowsAsync("SELECT count(*) FROM sales.pg"))[0][0]);
            }
            finally
            {
                await postgres.DisposeAsync();
            }
        });
}
