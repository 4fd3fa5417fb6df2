using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api.Tables;

namespace NeuroLake.Tests.Web.Api.Storage;

/// <summary>
/// A script reads what tables occupy: only the tables its user may read are listed, counted and summed per tier, without
/// locations; partitions of readable tables only; the file cache's samples for administrators only.
/// </summary>
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

    [Fact]
    public async Task Without_S3_every_readable_table_is_on_the_hot_tier_and_the_tiers_add_up_to_the_tables()
    {
        var (status, storage) = await lake.AnalystClient.GetApiAsync("/api/v1/storage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(storage.GetProperty("s3Configured").GetBoolean());
        var tiers = storage.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!);
        Assert.Equal(["hot", "warm", "cold"], tiers.Keys);
        var tables = storage.GetProperty("tables").EnumerateArray().ToList();
        Assert.All(tables, t => Assert.Equal(["hot"], t.GetProperty("tiers").EnumerateArray().Select(x => x.GetString())));
        Assert.Equal(storage.GetProperty("totalBytes").GetInt64(), tiers["hot"].GetProperty("bytes").GetInt64());
        Assert.Equal(tables.Count, tiers["hot"].GetProperty("tables").GetInt32());
        Assert.Equal(tables.Sum(t => t.GetProperty("olderVersionsBytes").GetInt64()), tiers["hot"].GetProperty("olderVersionsBytes").GetInt64());
        Assert.Equal((0L, 0), (tiers["warm"].GetProperty("bytes").GetInt64() + tiers["cold"].GetProperty("bytes").GetInt64(), tiers["warm"].GetProperty("tables").GetInt32()));
    }

    [Fact]
    public async Task A_partitioned_table_answers_bytes_files_and_rows_per_partition_and_its_overwritten_files_count_as_older_versions()
    {
        await lake.AsAdminAsync("""
            CREATE TABLE sales.by_region (id BIGINT, region VARCHAR) PARTITIONED BY (region);
            INSERT INTO sales.by_region SELECT range, 'eu' FROM range(5);
            INSERT INTO sales.by_region SELECT range, 'us' FROM range(5, 8);
            INSERT INTO sales.by_region SELECT range, NULL FROM range(8, 9);
            DELETE FROM sales.by_region WHERE id = 0;
            """);

        var (status, answer) = await lake.AnalystClient.GetApiAsync("/api/v1/storage/tables/main.sales.by_region/partitions");
        var (_, storage) = await lake.AnalystClient.GetApiAsync("/api/v1/storage");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["region"], answer.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var partitions = answer.GetProperty("partitions").EnumerateArray()
            .ToDictionary(p => p.GetProperty("values")[0].GetString() ?? "(null)", p => (p.GetProperty("files").GetInt64(), p.GetProperty("rows").GetInt64()));
        Assert.Equal(new Dictionary<string, (long, long)> { ["eu"] = (1, 4), ["us"] = (1, 3), ["(null)"] = (1, 1) }, partitions);
        var table = storage.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "main.sales.by_region");
        Assert.Equal(answer.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("bytes").GetInt64()), table.GetProperty("bytes").GetInt64());
        // DELETE rewrote eu's file: the old one is kept for time travel until VACUUM.
        Assert.Equal(1, table.GetProperty("olderVersionsFiles").GetInt64());
        Assert.True(table.GetProperty("olderVersionsBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Partitions_of_a_table_the_caller_may_not_read_answer_like_a_missing_table_and_a_bad_name_says_how_to_write_one()
    {
        var (hidden, hiddenProblem) = await lake.AnalystClient.GetApiAsync("/api/v1/storage/tables/main.hr.salaries/partitions");
        var (missing, missingProblem) = await lake.AnalystClient.GetApiAsync("/api/v1/storage/tables/main.hr.nothing_here/partitions");
        var (bad, badProblem) = await lake.AnalystClient.GetApiAsync("/api/v1/storage/tables/salaries/partitions");
        var (admin, _) = await lake.Admin.GetApiAsync("/api/v1/storage/tables/main.hr.salaries/partitions");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.OK), (hidden, missing, bad, admin));
        Assert.Equal(hiddenProblem.Detail().Replace("salaries", "nothing_here", StringComparison.Ordinal), missingProblem.Detail());
        Assert.DoesNotContain("5000", hiddenProblem.GetRawText());
        Assert.Contains("catalog.schema.table", badProblem.Detail());
    }

    [Fact]
    public async Task Only_administrators_read_the_cache_samples_of_a_range_and_a_bad_range_says_what_to_give()
    {
        var sample = await lake.App.Services.GetRequiredService<CacheSampler>().SampleAsync();
        var at = Uri.EscapeDataString(sample.TakenAt.ToString("O"));

        var (analyst, refusal) = await lake.AnalystClient.GetApiAsync("/api/v1/storage/cache");
        var (status, cache) = await lake.Admin.GetApiAsync($"/api/v1/storage/cache?from={at}&to={at}");
        var (notATime, notATimeProblem) = await lake.Admin.GetApiAsync("/api/v1/storage/cache?from=yesterday");
        var (reversed, reversedProblem) = await lake.Admin.GetApiAsync("/api/v1/storage/cache?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z");
        var (tooLong, tooLongProblem) = await lake.Admin.GetApiAsync("/api/v1/storage/cache?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.Forbidden, analyst);
        Assert.Contains("administrators", refusal.Detail());
        Assert.Equal(HttpStatusCode.OK, status);
        var samples = cache.GetProperty("samples").EnumerateArray().ToList();
        Assert.Single(samples);
        Assert.Equal(sample.CapacityBytes, cache.GetProperty("capacityBytes").GetInt64());
        Assert.Equal(sample.BytesHeld, samples[0].GetProperty("bytesHeld").GetInt64());
        Assert.Equal(5, cache.GetProperty("sampleMinutes").GetInt32());
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (notATime, reversed, tooLong));
        Assert.Contains("ISO 8601", notATimeProblem.Detail());
        Assert.Contains("'from' is after 'to'", reversedProblem.Detail());
        Assert.Contains("31 days", tooLongProblem.Detail());
    }

    [Fact]
    public async Task A_table_whose_folder_is_gone_is_named_as_unmeasured_and_its_partitions_refused_without_a_server_path()
    {
        await lake.AsAdminAsync("CREATE SCHEMA IF NOT EXISTS lost; CREATE TABLE lost.gone AS SELECT 1 AS id;");
        var location = (await lake.TableAsync("lost", "gone"))!.Location;
        Directory.Delete(location, recursive: true);

        var (_, storage) = await lake.Admin.GetApiAsync("/api/v1/storage");
        var (status, problem) = await lake.Admin.GetApiAsync("/api/v1/storage/tables/main.lost.gone/partitions");

        Assert.Contains("main.lost.gone", storage.GetProperty("unmeasured").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(storage.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "main.lost.gone");
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{status}: {problem}");
        Assert.DoesNotContain(lake.App.DataDirectory, problem.GetRawText());
        Assert.DoesNotContain(location, problem.GetRawText());
    }

    [PostgresFact]
    public Task Tiers_partitions_and_cache_samples_on_PostgreSQL() =>
        PostgresCatalogSettings.RunAsync("neurolake_storageapi", async catalog =>
        {
            var postgres = new LakeApiApp(catalog);
            await postgres.InitializeAsync();
            try
            {
                await postgres.App.Services.GetRequiredService<CacheSampler>().SampleAsync();
                var (_, storage) = await postgres.AnalystClient.GetApiAsync("/api/v1/storage");
                var (partitionsStatus, partitions) = await postgres.AnalystClient.GetApiAsync("/api/v1/storage/tables/main.sales.orders/partitions");
                var (hidden, _) = await postgres.AnalystClient.GetApiAsync("/api/v1/storage/tables/main.hr.salaries/partitions");
                var (_, cache) = await postgres.Admin.GetApiAsync("/api/v1/storage/cache");

                var names = storage.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
                Assert.Contains("main.sales.orders", names);
                Assert.DoesNotContain("main.hr.salaries", names);
                Assert.Equal(storage.GetProperty("totalBytes").GetInt64(), storage.GetProperty("tiers")[0].GetProperty("bytes").GetInt64());
                Assert.Equal(HttpStatusCode.OK, partitionsStatus);
                Assert.Equal(3, partitions.GetProperty("partitions")[0].GetProperty("rows").GetInt64());
                Assert.Equal(HttpStatusCode.NotFound, hidden);
                Assert.Single(cache.GetProperty("samples").EnumerateArray());
            }
            finally
            {
                await postgres.DisposeAsync();
            }
        });
}
