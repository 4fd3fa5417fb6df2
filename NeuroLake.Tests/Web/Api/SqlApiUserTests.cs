using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.History;

namespace NeuroLake.Tests.Web.Api;

public sealed class SqlApiUserTests
{
    [Fact]
    public async Task Statements_run_as_the_configured_user()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:User"] = "ada" });
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 'who ran me' AS q" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await app.Services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch(Text: "who ran me")));
        Assert.Equal("ada", entry.User);
    }

    [Fact]
    public async Task A_blank_user_stops_the_app_at_start_saying_which_setting_to_fix()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:User"] = " " });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("NeuroLake:User", error.ToString());
    }
}
