using System.Net;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Storage;

/// <summary>A script reads what tables occupy: only the tables its user may read are listed and counted, without locations.</summary>
public sealed class StorageApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Each_readable_table_has_its_bytes_and_files_and_the_totals_add_up()
    {
        var (status, storage) = await lake.Admin.GetApiAsync("/api/v1/storage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("local", storage.GetProperty("warehouseStore").GetString());
        var tables = storage.GetProperty("tables").EnumerateArray().ToList();
        var orders = tables.Single(t => t.GetProperty("name").GetString() == "main.sales.orders");
        var stored = (await lake.TableAsync("sales", "orders"))!;
        Assert.Equal((stored.SizeBytes, stored.FileCount, "local"), (orders.GetProperty("bytes").GetInt64(), orders.GetProperty("files").GetInt64(), orders.GetProperty("store").GetString()));
        Assert.True(stored.SizeBytes > 0);
        Assert.Contains(tables, t => t.GetProperty("name").GetString() == "main.hr.salaries");
        Assert.Equal(tables.Sum(t => t.GetProperty("bytes").GetInt64()), storage.GetProperty("totalBytes").GetInt64());
        Assert.Equal(tables.Sum(t => t.GetProperty("files").GetInt64()), storage.GetProperty("totalFiles").GetInt64());
        Assert.Equal(tables.Select(t => t.GetProperty("bytes").GetInt64()).OrderDescending(), tables.Select(t => t.GetProperty("bytes").GetInt64()));
        Assert.DoesNotContain(lake.App.DataDirectory, storage.GetRawText());
    }

    [Fact]
    public async Task Tables_the_caller_may_not_read_are_neither_listed_nor_counted()
    {
        var (_, admin) = await lake.Admin.GetApiAsync("/api/v1/storage");
        var (status, analyst) = await lake.AnalystClient.GetApiAsync("/api/v1/storage");

        Assert.Equal(HttpStatusCode.OK, status);
        var names = analyst.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("main.sales.orders", names);
        Assert.DoesNotContain("main.hr.salaries", names);
        Assert.DoesNotContain("main.vault.codes", names);
        var sales = admin.GetProperty("tables").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString()!.StartsWith("main.sales.", StringComparison.Ordinal)).Sum(t => t.GetProperty("bytes").GetInt64());
        Assert.Equal(sales, analyst.GetProperty("totalBytes").GetInt64());
    }
}
