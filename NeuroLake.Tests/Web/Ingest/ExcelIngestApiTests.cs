using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NeuroLake.Tests.Ingestion;
using static NeuroLake.Tests.Ingestion.Excel.XlsxTestFiles;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class ExcelIngestApiTests : IngestApiTest
{
    private string Workbook() => Write(Path.Combine(Files.Folder, "book.xlsx"),
        new Sheet("Notes", [["note"], ["read me"]]),
        new Sheet("Stock <items>", [["sku", "count"], ["A-1", 4], ["B-2", 6]]));

    private async Task<HttpResponseMessage> PostAsync(string query)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(File.OpenRead(Workbook())), "file", "book.xlsx");
        return await Client.PostAsync($"/api/v1/ingest?{query}", form);
    }

    [Fact]
    public async Task The_sheet_named_in_the_query_is_loaded_and_reported_as_xlsx()
    {
        using var created = await PostAsync("table=excel_api.stock&mode=create&sheet=" + Uri.EscapeDataString("Stock <items>"));

        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.OK, body);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("xlsx", report.GetProperty("source").GetProperty("format").GetString());
        Assert.Equal(2L, report.GetProperty("rowsLoaded").GetInt64());
        using var summed = await Client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT sum(count) AS n, string_agg(sku, '+' ORDER BY sku) AS skus FROM excel_api.stock" });
        var result = await summed.Content.ReadAsStringAsync();
        Assert.True(summed.IsSuccessStatusCode, result);
        Assert.Contains("[10,\"A-1+B-2\"]", result.Replace(" ", ""));
    }

    [Fact]
    public async Task An_unknown_sheet_is_a_400_listing_the_sheets_and_creates_no_table()
    {
        using var refused = await PostAsync("table=excel_api.nothing&mode=create&sheet=Prices");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("'book.xlsx' has no sheet named 'Prices': choose one of 'Notes', 'Stock <items>'.", problem.GetProperty("detail").GetString());
        using var read = await Client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT * FROM excel_api.nothing" });
        var answer = await read.Content.ReadAsStringAsync();
        Assert.False(read.IsSuccessStatusCode, answer);
        Assert.Contains("nothing", answer);
    }
}
