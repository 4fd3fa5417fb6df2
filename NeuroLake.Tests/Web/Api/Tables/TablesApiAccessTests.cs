using System.Net;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// The tables API refuses what SQL refuses: a table the analyst may not SELECT is 404 for reads and writes alike, writes
/// without MODIFY are 403 before anything runs, and PII columns stay masked in rows read through it.
/// </summary>
public sealed class TablesApiAccessTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Theory]
    [InlineData("GET", "/api/v1/tables/main.hr.salaries")]
    [InlineData("GET", "/api/v1/tables/main.hr.salaries/history")]
    [InlineData("GET", "/api/v1/tables/main.hr.salaries/rows")]
    [InlineData("POST", "/api/v1/tables/main.hr.salaries/rows")]
    [InlineData("POST", "/api/v1/tables/main.hr.salaries/optimize")]
    [InlineData("POST", "/api/v1/tables/main.vault.codes/vacuum")]
    public async Task A_hidden_table_is_not_found_whatever_is_asked(string method, string path)
    {
        var (status, problem) = method == "GET"
            ? await lake.AnalystClient.GetApiAsync(path)
            : await lake.AnalystClient.PostApiAsync(path, new { rows = new[] { new { id = 9 } } });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("or you may not read it", problem.Detail());
    }

    [Fact]
    public async Task An_analyst_without_modify_gets_403_on_writes_and_maintenance_and_nothing_changes()
    {
        var before = (await lake.TableAsync("sales", "orders"))!.CurrentVersion;

        var (insertStatus, insert) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/rows", new { rows = new[] { new { id = 9, amount = 1 } } });
        var (updateStatus, _) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/rows/update",
            new { set = new { amount = 0 }, where = new[] { new { column = "id", op = "=", value = 1 } } });
        var (optimizeStatus, optimize) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/optimize", null);
        var (vacuumStatus, _) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/vacuum", new { dryRun = true });
        var (restoreStatus, _) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/restore", new { version = 0 });
        var (dropStatus, _) = await lake.AnalystClient.DeleteApiAsync("/api/v1/tables/main.sales.orders");
        var (createStatus, _) = await lake.AnalystClient.PostApiAsync("/api/v1/tables", new { name = "main.sales.mine", columns = new[] { new { name = "id", type = "INT" } } });

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [insertStatus, updateStatus, optimizeStatus, vacuumStatus, restoreStatus, dropStatus, createStatus]);
        Assert.Contains("MODIFY", insert.Detail());
        Assert.Contains("MODIFY", optimize.Detail());
        Assert.Equal(before, (await lake.TableAsync("sales", "orders"))!.CurrentVersion);
        Assert.Equal(3L, (await lake.RowsAsync("SELECT count(*) FROM sales.orders"))[0][0]);
        Assert.Null(await lake.TableAsync("sales", "mine"));
    }

    [Fact]
    public async Task Masked_columns_stay_masked_in_rows_at_any_version()
    {
        var (status, latest) = await lake.AnalystClient.GetApiAsync("/api/v1/tables/main.sales.customers/rows");
        var (_, first) = await lake.AnalystClient.GetApiAsync("/api/v1/tables/main.sales.customers/rows?version=0");
        var (_, admin) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.customers/rows");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = latest.GetRawText() + first.GetRawText();
        Assert.Contains("j***@example.com", text);
        Assert.DoesNotContain("john@", text);
        Assert.DoesNotContain("mary@", text);
        Assert.Contains("john@example.com", admin.GetRawText());
        Assert.Contains(latest.GetProperty("columns").EnumerateArray(), c => c.TryGetProperty("piiType", out var pii) && pii.GetString() == "email");
    }
}
