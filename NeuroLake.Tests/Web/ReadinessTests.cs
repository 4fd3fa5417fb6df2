using System.Net;
using System.Text.Json;

namespace NeuroLake.Tests.Web;

/// <summary>/health/ready covers the catalog, DuckDB, the warehouse and the job storage, and says which is down.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_healthy_app_reports_each_part_ready()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();

        var checks = await ChecksAsync(client, HttpStatusCode.OK);

        Assert.Equal(["catalog", "duckdb", "jobs", "storage"], checks.Keys.Order());
        Assert.Equal("Healthy", checks["catalog"]);
        Assert.Equal("Healthy", checks["storage"]);
        Assert.NotEqual("Unhealthy", checks["jobs"]);
    }

    [Fact]
    public async Task A_warehouse_that_cannot_be_written_makes_the_app_unready_without_naming_the_folder()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();
        _ = await ChecksAsync(client, HttpStatusCode.OK);
        var warehouse = Path.Combine(app.DataDirectory, "warehouse");
        Directory.Delete(warehouse, recursive: true);
        // A file where the folder should be: unwritable even for root, unlike a chmod.
        await File.WriteAllTextAsync(warehouse, "not a folder");

        try
        {
            using var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", Checks(body)["storage"]);
            Assert.True(body.Contains("cannot be written", StringComparison.Ordinal), body);
            Assert.DoesNotContain(app.DataDirectory, body);
        }
        finally
        {
            File.Delete(warehouse);
        }
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await client.GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, body);
        return Checks(body);
    }

    private static Dictionary<string, string> Checks(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }
}
