using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Tests.Tables;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web;

/// <summary>
/// File loads run on the load database, with the heavy work's memory limit: a load that needs more fails with an error
/// naming the setting, leaves no table behind, and cannot take the memory interactive queries keep.
/// </summary>
public sealed class IngestMemoryLimitTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new(new Dictionary<string, string> { ["NeuroLake:Admission:HeavyMemoryLimit"] = "4MB" });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_load_past_the_heavy_memory_limit_fails_naming_the_setting_and_leaves_no_table()
    {
        using var folder = new TempFolder();
        var csv = WideCsv(folder);

        var loads = _app.Services.GetRequiredService<IngestionDatabase>().Database;
        await using var body = File.OpenRead(csv);
        using var content = new StreamContent(body);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "wide.csv" };

        using var response = await _client.PostAsync("/api/v1/ingest?table=raw.wide&mode=create", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("The load ran out of memory", detail);
        Assert.Contains("NeuroLake:Admission:HeavyMemoryLimit", detail);
        Assert.DoesNotContain(_app.DataDirectory, detail);
        Assert.Null(await _app.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", "raw", "wide")));
        Assert.Same(loads, _app.Services.GetRequiredService<IngestionLoader>().Database);
        using var check = loads.Connect();
        Assert.Equal("3.8 MiB", check.ExecuteScalar("SELECT current_setting('memory_limit')"));
    }

    [Fact]
    public async Task A_wizard_load_past_the_heavy_memory_limit_fails_naming_the_setting_and_keeps_the_upload()
    {
        using var folder = new TempFolder();
        var uploads = _app.Services.GetRequiredService<UploadStore>();
        var workflow = _app.Services.GetRequiredService<IngestionWorkflow>();
        UploadedFile upload;
        await using (var file = File.OpenRead(WideCsv(folder)))
        {
            upload = (await uploads.SaveAsync("tester", "wide.csv", file, CancellationToken.None)).Upload;
        }

        var state = new IngestWizardState();
        state.UploadStarted("u", "wide.csv", upload.Size);
        state.UploadFinished("u", upload.Id);
        state.Choose("u");
        state.Detected(await workflow.ProposeAsync(upload.Id, CancellationToken.None));
        var table = await workflow.TableAsync("raw", "wide", "tester", CancellationToken.None);

        var error = await Assert.ThrowsAsync<IngestionException>(() => workflow.LoadAsync(state.BuildRequest(table), upload.Id, [], CancellationToken.None));

        Assert.StartsWith("The load ran out of memory", error.Message);
        Assert.Contains("NeuroLake:Admission:HeavyMemoryLimit", error.Message);
        Assert.NotNull(uploads.Find(upload.Id));
        Assert.False(await table.ExistsAsync(CancellationToken.None));
    }

    // About 60 MB of long strings: a Parquet row group of them is far more than 4 MB.
    private static string WideCsv(TempFolder folder)
    {
        var csv = Path.Combine(folder.Path, "wide.csv");
        using var duckDb = DuckDbDatabase.Open();
        using var connection = duckDb.Connect();
        connection.Execute($"COPY (SELECT range AS id, repeat(md5(range::VARCHAR), 6) AS text FROM range(300000)) TO '{csv}' (HEADER)");
        return csv;
    }
}
