using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Ingestion;
using NeuroLake.Tests.Ingestion.Arrow;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class ArrowIngestApiTests : IngestApiTest
{
    [Fact]
    public async Task A_zstd_compressed_arrow_upload_creates_a_table_with_every_row_and_reports_the_arrow_format()
    {
        var path = Path.Combine(Files.Folder, "events.arrow");
        await ArrowTestFiles.WriteAsync(path, batches: 4, zstd: true);
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(File.OpenRead(path)), "file", "events.arrow");

        using var created = await Client.PostAsync("/api/v1/ingest?table=arrow_api.events&mode=create", form);

        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.OK, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("arrow", report.GetProperty("source").GetProperty("format").GetString());
        Assert.Equal((4_000L, 4_000L), (report.GetProperty("rowsRead").GetInt64(), report.GetProperty("rowsLoaded").GetInt64()));
        using var counted = await Client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT count(*) AS n, count(city) AS cities, max(id) AS top FROM arrow_api.events" });
        var result = await counted.Content.ReadAsStringAsync();
        Assert.True(counted.IsSuccessStatusCode, result);
        Assert.Contains("[4000,3600,3999]", result.Replace(" ", ""));
    }
}
