using System.Net.Http.Json;

namespace NeuroLake.Tests.Web.Pipelines;

public sealed class PipelinesPageTests
{
    [Fact]
    public async Task The_pipelines_page_lists_the_built_in_templates_and_saved_pipelines_with_their_versions()
    {
        await using var app = new WorkbenchAppFactory();
        using var http = app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "nightly_<b>x</b>", sql = "SELECT 1" });
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "nightly", sql = "SELECT 1" });

        var html = await http.GetStringAsync("/pipelines");

        Assert.Contains("scd2", html);
        Assert.Contains("Slowly changing dimension type 2", html);
        Assert.Contains("nightly", html);
        Assert.Contains("version 1", html);
        Assert.DoesNotContain("<b>x</b>", html);
    }
}
