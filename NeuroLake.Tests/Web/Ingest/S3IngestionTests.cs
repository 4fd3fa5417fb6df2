using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>
/// File loads into tables of a warehouse on the S3 test server: the wizard in every mode, the ingest API, the quarantine
/// table beside the target on S3, a failed new table that leaves no objects, and the same rows as a local warehouse.
/// </summary>
public sealed class S3IngestionTests : IAsyncLifetime
{
    private readonly S3TestStorage _s3 = new();
    private WorkbenchAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = S3WarehouseApp.Create(_s3);
        _client = _app.CreateClient();
        await SqlAsync(_client, "CREATE SCHEMA s");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _s3.DisposeAsync();
    }

    private IngestionWorkflow Workflow => _app.Services.GetRequiredService<IngestionWorkflow>();

    [S3Fact]
    public async Task The_wizard_creates_appends_merges_and_overwrites_a_table_on_S3_with_bad_rows_quarantined_beside_it()
    {
        var table = await Workflow.TableAsync("s", "orders", "tester", CancellationToken.None);

        var created = await LoadAsync(table, "id,amount\n1,10\n2,20\n3,oops\n", LoadMode.NewTable);
        Assert.Equal((3L, 2L, 1L), (created.RowsRead, created.RowsLoaded, created.RowsQuarantined));
        Assert.Equal("[[1,10],[2,20]]", await RowsAsync("SELECT id, amount FROM s.orders ORDER BY id"));

        var appended = await LoadAsync(table, "id,amount\n4,40\n5,bad\n", LoadMode.Append);
        Assert.Equal((2L, 1L, 1L), (appended.RowsRead, appended.RowsLoaded, appended.RowsQuarantined));
        Assert.Equal("[[1,10],[2,20],[4,40]]", await RowsAsync("SELECT id, amount FROM s.orders ORDER BY id"));

        var merged = await LoadAsync(table, "id,amount\n1,11\n6,60\n7,x\n", LoadMode.MergeOnKey);
        Assert.Equal((3L, 2L, 1L), (merged.RowsRead, merged.RowsLoaded, merged.RowsQuarantined));
        Assert.Equal("[[1,11],[2,20],[4,40],[6,60]]", await RowsAsync("SELECT id, amount FROM s.orders ORDER BY id"));

        var overwritten = await LoadAsync(table, "id,amount\n8,80\n9,90\n10,?\n", LoadMode.Overwrite);
        Assert.Equal((3L, 2L, 1L), (overwritten.RowsRead, overwritten.RowsLoaded, overwritten.RowsQuarantined));
        Assert.Equal("[[8,80],[9,90]]", await RowsAsync("SELECT id, amount FROM s.orders ORDER BY id"));
        Assert.Equal(3, overwritten.TableVersion);

        Assert.Equal("""[["10","?"],["3","oops"],["5","bad"],["7","x"]]""", await RowsAsync("SELECT id, amount FROM s.orders_quarantine ORDER BY id"));
        var shown = await Workflow.QuarantineAsync(overwritten.CatalogTable!, 10, CancellationToken.None);
        Assert.Equal(4, shown.Rows.Count);
        var objects = await _s3.RawStore().ListAsync("");
        Assert.Contains(objects, o => o.Key.StartsWith("main/s/orders/_delta_log/", StringComparison.Ordinal));
        Assert.Contains(objects, o => o.Key.StartsWith("main/s/orders_quarantine/_delta_log/", StringComparison.Ordinal));
        Assert.Contains(objects, o => o.Key.StartsWith("main/s/orders_quarantine/", StringComparison.Ordinal) && o.Key.EndsWith(".parquet", StringComparison.Ordinal));
        var catalog = _app.Services.GetRequiredService<CatalogStore>();
        Assert.Equal(_s3.Root.Child("main/s/orders_quarantine").ToString(), (await catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "orders_quarantine")))!.Location);
        Assert.Empty(Directory.EnumerateDirectories(_app.DataDirectory, "s3:", SearchOption.AllDirectories));
    }

    [S3Fact]
    public async Task A_new_table_whose_commit_fails_leaves_no_objects_no_table_and_no_catalog_row()
    {
        var opened = await Workflow.TableAsync("s", "lost", "tester", CancellationToken.None);
        var failing = new FailingCommitStore(opened.Store);
        // On the load database, like the table the wizard opens: the load writes there.
        var table = new DeltaTable(failing, _app.Services.GetRequiredService<Engine.Ingestion.IngestionDatabase>().Database, opened.Options);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => LoadAsync(table, "id,amount\n1,10\n2,oops\n", LoadMode.NewTable));

        Assert.Contains("Simulated connection loss", error.ToString());

        Assert.True(failing.DataFilesUploaded > 0, "The load failed before it uploaded anything, so the cleanup was not exercised.");
        Assert.Empty(await _s3.RawStore("main/s/lost").ListAsync(""));
        Assert.Empty(await _s3.RawStore("main/s/lost_quarantine").ListAsync(""));
        Assert.Null(await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "lost")));
        Assert.Contains("lost", await ErrorOfAsync("SELECT * FROM s.lost"));
    }

    [S3Fact]
    public async Task The_ingest_api_creates_and_appends_to_a_table_in_an_S3_warehouse_with_the_same_rows_as_a_local_one()
    {
        var file = Amounts(20_010);
        await using var local = new WorkbenchAppFactory();
        using var localClient = local.CreateClient();
        await SqlAsync(localClient, "CREATE SCHEMA s");

        var onS3 = await IngestAsync(_client, file, "create");
        var onDisk = await IngestAsync(localClient, file, "create");
        var appended = await IngestAsync(_client, Amounts(5), "append");
        await IngestAsync(localClient, Amounts(5), "append");

        Assert.Equal((0L, 20_010L, 20_010L), (onS3.GetProperty("tableVersion").GetInt64(), onS3.GetProperty("rowsRead").GetInt64(), onS3.GetProperty("rowsLoaded").GetInt64()));
        Assert.Equal((1L, 5L), (appended.GetProperty("tableVersion").GetInt64(), appended.GetProperty("rowsLoaded").GetInt64()));
        Assert.Equal("main.s.amounts", onS3.GetProperty("table").GetString());
        const string Digest = "SELECT count(*), sum(id), sum(amount), min(typeof(amount)), sum(hash(id, amount, city))::VARCHAR FROM s.amounts";
        Assert.StartsWith("[[20015,200210070,", await RowsAsync(_client, Digest));
        Assert.Equal(await RowsAsync(localClient, Digest), await RowsAsync(_client, Digest));
        Assert.Equal(onDisk.GetProperty("qualityScore").GetInt32(), onS3.GetProperty("qualityScore").GetInt32());
        var objects = await _s3.RawStore("main/s").ListAsync("");
        Assert.Contains(objects, o => o.Key.StartsWith("amounts/_delta_log/", StringComparison.Ordinal));
        Assert.Contains(objects, o => o.Key.StartsWith("amounts/", StringComparison.Ordinal) && o.Key.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateDirectories(_app.DataDirectory, "amounts", SearchOption.AllDirectories));
        var table = await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "s", "amounts"));
        Assert.Equal((1L, _s3.Root.Child("main/s/amounts").ToString()), (table!.CurrentVersion, table.Location));
        Assert.Contains("ingested", table.Tags);
    }

    /// <summary>A CSV of <paramref name="rows"/> rows: id, a whole amount and a city.</summary>
    private static string Amounts(int rows)
    {
        var text = new StringBuilder("id,amount,city\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i % 97},{(i % 2 == 0 ? "Oslo" : "Lima")}\n");
        }

        return text.ToString();
    }

    private static async Task<JsonElement> IngestAsync(HttpClient client, string file, string mode)
    {
        using var content = new StringContent(file);
        using var response = await client.PostAsync($"/api/v1/ingest?table=s.amounts&mode={mode}&filename=amounts.csv", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<LoadReport> LoadAsync(DeltaTable table, string text, LoadMode mode)
    {
        var upload = (await _app.Services.GetRequiredService<UploadStore>().SaveAsync("tester", "orders.csv", new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None)).Upload;
        var state = new IngestWizardState();
        state.UploadStarted("u", "orders.csv", upload.Size);
        state.UploadFinished("u", upload.Id);
        state.Choose("u");
        state.Detected(await Workflow.ProposeAsync(upload.Id, CancellationToken.None));
        state.Retype(1, "BIGINT");
        var request = state.BuildRequest(table) with { Mode = mode, KeyColumns = mode == LoadMode.MergeOnKey ? ["id"] : [], KeepEmptyNewTable = true };
        return await Workflow.LoadAsync(request, upload.Id, [], CancellationToken.None);
    }

    private Task<string> RowsAsync(string sql) => RowsAsync(_client, sql);

    private static async Task<string> RowsAsync(HttpClient client, string sql)
    {
        var statements = await SqlAsync(client, sql);
        return statements[statements.GetArrayLength() - 1].GetProperty("rows").GetRawText();
    }

    private static async Task<JsonElement> SqlAsync(HttpClient client, string sql)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("statements").Clone();
    }

    private async Task<string> ErrorOfAsync(string sql)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/sql", new { sql });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
