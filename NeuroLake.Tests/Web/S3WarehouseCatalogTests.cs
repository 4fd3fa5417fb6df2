using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Tests.Web;

/// <summary>
/// What an S3 warehouse's user meets beyond SQL: the drift job registers tables other writers left in the warehouse,
/// external locations may be <c>s3://</c> prefixes (and nothing outside them registers), and the catalog page's history
/// and version comparison read tables on S3.
/// </summary>
public sealed class S3WarehouseCatalogTests : IAsyncLifetime
{
    private readonly S3TestStorage _s3 = new();
    private WorkbenchAppFactory _app = null!;
    private HttpClient _client = null!;

    private string External => _s3.Root.Child("external").ToString();

    public async Task InitializeAsync()
    {
        _app = S3WarehouseApp.Create(_s3, settings: new Dictionary<string, string> { ["NeuroLake:ExternalLocations:0"] = External });
        _client = _app.CreateClient();
        await SqlAsync("CREATE SCHEMA s");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [S3Fact]
    public async Task The_drift_job_registers_a_table_another_writer_left_in_the_S3_warehouse()
    {
        await WriteUnregisteredAsync(_s3.Root.Child("main/s/other").ToString(), "SELECT range AS id FROM range(3)");

        var outcome = await _app.Services.GetRequiredService<CatalogDriftJob>().RunAsync(new Progress<JobStep>(), CancellationToken.None);

        Assert.Contains("1 discovered", outcome.Summary);
        var table = await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "other"));
        Assert.Equal(_s3.Root.Child("main/s/other").ToString(), table!.Location);
        Assert.Equal("[[3]]", (await SqlAsync("SELECT count(*) FROM s.other"))[0].GetProperty("rows").GetRawText());
    }

    [S3Fact]
    public async Task A_table_under_an_s3_external_location_registers_and_reads_and_one_outside_it_is_refused()
    {
        await WriteUnregisteredAsync($"{External}/events", "SELECT range AS id, 'e' || range AS name FROM range(4)");
        await WriteUnregisteredAsync(_s3.Root.Child("externalx/events").ToString(), "SELECT 1 AS id");

        var rows = await SqlAsync($"CREATE TABLE s.events USING DELTA LOCATION '{External}/events'; SELECT count(*), max(name) FROM s.events");

        Assert.Equal("""[[4,"e3"]]""", rows[1].GetProperty("rows").GetRawText());
        var outside = await ErrorAsync($"CREATE TABLE s.outside USING DELTA LOCATION '{_s3.Root.Child("externalx/events")}'");
        Assert.Contains("not under a configured external location", outside);
        var climbing = await ErrorAsync($"CREATE TABLE s.climbing USING DELTA LOCATION '{External}/../externalx/events'");
        Assert.Contains("'..' segments", climbing);
        Assert.Null(await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "outside")));
        Assert.Null(await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "climbing")));
    }

    [S3Fact]
    public async Task The_catalog_pages_history_and_version_comparison_read_a_table_on_S3()
    {
        await SqlAsync("CREATE TABLE s.t (id BIGINT, city VARCHAR); INSERT INTO s.t VALUES (1, 'Oslo'), (2, 'Lima'); UPDATE s.t SET city = 'Quito' WHERE id = 2");
        var access = _app.Services.CreateScope().ServiceProvider.GetRequiredService<TableAccess>();
        var info = (await access.FindAsync(new TableName("s", "t"), CancellationToken.None))!;

        var compared = await access.CompareAsync(info, 1, 2, CancellationToken.None);

        Assert.Equal((2L, 2L), (compared.FromRowCount, compared.ToRowCount));
        Assert.Equal((1L, 1L), (compared.Rows!.AddedCount, compared.Rows.RemovedCount));
        Assert.Equal([2L, "Quito"], compared.Rows.Added.Single());
        using var history = await _client.GetAsync("/api/v1/tables/main.s.t/history");
        var body = await history.Content.ReadAsStringAsync();
        Assert.True(history.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(3, JsonDocument.Parse(body).RootElement.GetProperty("entries").GetArrayLength());
    }

    /// <summary>A Delta table written at <paramref name="location"/> without telling the catalog, as another engine would.</summary>
    private async Task WriteUnregisteredAsync(string location, string rows)
    {
        var store = await _app.Services.GetRequiredService<ObjectStoreFactory>().OpenAsync(location);
        await new DeltaTable(store, _app.Services.GetRequiredService<DuckDbDatabase>()).CreateAsync(new Engine.Tables.Writes.TableDefinition(), rows);
    }

    private async Task<JsonElement> SqlAsync(string sql)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sql", new { sql });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("statements").Clone();
    }

    private async Task<string> ErrorAsync(string sql)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sql", new { sql });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
