using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;

namespace NeuroLake.Tests.Web;

/// <summary>
/// The whole app with its warehouse on the S3 test server (<c>NeuroLake:Warehouse=s3://...</c>): tables created with SQL
/// live on S3 and read back, readiness probes the store, and the storage API says s3 without naming the bucket.
/// </summary>
public sealed class S3WarehouseAppTests : IAsyncLifetime
{
    private readonly S3TestStorage _s3 = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _s3.DisposeAsync();

    private WorkbenchAppFactory App(string? warehouse = null) => S3WarehouseApp.Create(_s3, warehouse);

    [S3Fact]
    public async Task A_table_created_with_SQL_lives_on_S3_reads_back_and_the_storage_api_says_s3()
    {
        await using var app = App();
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/sql", new
        {
            sql = "CREATE SCHEMA s; CREATE TABLE s.t (id BIGINT, city VARCHAR); INSERT INTO s.t VALUES (1, 'Oslo'), (2, 'Lima'); UPDATE s.t SET city = 'Quito' WHERE id = 2; SELECT * FROM s.t ORDER BY id",
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("""[[1,"Oslo"],[2,"Quito"]]""", json.RootElement.GetProperty("statements")[4].GetProperty("rows").GetRawText());
        var objects = await _s3.RawStore().ListAsync("");
        Assert.Contains(objects, o => o.Key.StartsWith("main/s/t/_delta_log/", StringComparison.Ordinal));
        Assert.Contains(objects, o => o.Key.StartsWith("main/s/t/", StringComparison.Ordinal) && o.Key.EndsWith(".parquet", StringComparison.Ordinal));

        var storage = await client.GetFromJsonAsync<JsonElement>("/api/v1/storage");
        Assert.Equal("s3", storage.GetProperty("warehouseStore").GetString());
        Assert.Equal("s3", storage.GetProperty("tables")[0].GetProperty("store").GetString());
        Assert.DoesNotContain(_s3.Root.ToString(), storage.GetRawText());
        // The survey puts a table on S3 in the warm tier; UPDATE rewrote a file, which only the older versions need.
        Assert.True(storage.GetProperty("s3Configured").GetBoolean());
        var warm = storage.GetProperty("tiers").EnumerateArray().Single(t => t.GetProperty("tier").GetString() == "warm");
        Assert.Equal(storage.GetProperty("totalBytes").GetInt64(), warm.GetProperty("bytes").GetInt64());
        Assert.Equal(1, warm.GetProperty("tables").GetInt32());
        Assert.True(warm.GetProperty("olderVersionsFiles").GetInt64() > 0);
        Assert.Equal(["warm"], storage.GetProperty("tables")[0].GetProperty("tiers").EnumerateArray().Select(t => t.GetString()));
        var partitions = await client.GetFromJsonAsync<JsonElement>("/api/v1/storage/tables/main.s.t/partitions");
        Assert.Equal(2, partitions.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("rows").GetInt64()));

        using var ready = await client.GetAsync("/health/ready");
        Assert.Contains("S3 store takes writes", await ready.Content.ReadAsStringAsync());
    }

    [S3Fact]
    public async Task A_warehouse_in_a_missing_bucket_makes_the_app_unready_without_naming_the_bucket()
    {
        const string bucket = "neurolake-no-such-bucket";
        await using var app = App($"s3://{bucket}/warehouse");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("S3 store cannot be written", body);
        Assert.DoesNotContain(bucket, body);
    }
}
