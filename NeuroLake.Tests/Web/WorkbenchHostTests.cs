using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.Web;

public sealed class WorkbenchHostTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public WorkbenchHostTests(WorkbenchAppFactory app) => _app = app;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoint_answers_200_when_the_engine_runs(string path)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        // Readiness answers JSON per check (ReadinessTests); the job server may still be starting (degraded, still 200).
        var status = path == "/health/live" ? body : System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
        Assert.True(status is "Healthy" or "Degraded", body);
    }

    [Fact]
    public async Task Home_page_shows_the_duckdb_version_and_the_data_folder()
    {
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Matches(@"^v\d+\.\d+\.\d+", DuckDbDatabase.LibraryVersion);
        Assert.Contains(DuckDbDatabase.LibraryVersion, html);
        Assert.Contains(_app.DataDirectory, html);
        Assert.Contains("Sqlite", html);
    }

    [Fact]
    public async Task Pages_use_mudblazor_and_dotnet_10s_client_script_and_serve_no_bootstrap()
    {
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("_content/MudBlazor/MudBlazor.min", html);
        Assert.Contains("_framework/blazor.web", html);
        Assert.DoesNotContain("bootstrap", html, StringComparison.OrdinalIgnoreCase);
        foreach (var path in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/lib/bootstrap-icons/font/bootstrap-icons.min.css" })
        {
            using var response = await client.GetAsync(path);
            Assert.False(response.IsSuccessStatusCode, $"{path} is still served.");
        }

        using var script = await client.GetAsync("/_framework/blazor.web.js");
        script.EnsureSuccessStatusCode();
    }

    [Fact]
    public void Data_folder_is_created_at_start()
    {
        _ = _app.Services;

        Assert.True(Directory.Exists(_app.DataDirectory), $"{_app.DataDirectory} was not created.");
    }

    [Fact]
    public async Task Ready_answers_503_when_duckdb_no_longer_answers()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();
        app.Services.GetRequiredService<DuckDbDatabase>().Dispose();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
