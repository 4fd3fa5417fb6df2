using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Web.Health;
using NeuroLake.Web.Identity;
using HomePage = NeuroLake.Web.Components.Pages.Home.Home;

namespace NeuroLake.Tests.Web.Home;

/// <summary>Home sends a new user to Ingest first, and stops once there are tables.</summary>
public sealed class HomeCallToActionTests : MudComponentTest, IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public HomeCallToActionTests(WorkbenchAppFactory app)
    {
        _app = app;
        Context.Services.AddSingleton(app.Services.GetRequiredService<EngineStatusProbe>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<CatalogTables>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<QueryHistoryStore>());
        Context.Services.AddSingleton(app.Services.GetRequiredService<IOptions<NeuroLakeOptions>>());
        Context.Services.AddSingleton(app.Services.CreateScope().ServiceProvider.GetRequiredService<IWorkbenchUser>());
        Context.Services.AddScoped<UserClock>();
        Context.Services.AddSingleton(app.Services.GetRequiredService<NeuroLake.Web.Backups.BackupHealth>());
        Context.AddAuthorization().SetAuthorized("tester").SetPolicies(WorkbenchRoles.AdminPolicy);
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Without_tables_home_offers_to_load_a_first_file_and_then_lists_the_table_instead()
    {
        if ((await _app.Services.GetRequiredService<CatalogTables>().ListAsync("tester")).Count > 0)
        {
            throw new InvalidOperationException("This test needs an app without tables.");
        }

        var empty = Render<HomePage>();
        Assert.Equal("Load your first file", empty.FindAll("a[href='ingest']").First().TextContent.Trim());
        Assert.Contains(empty.FindAll("a"), a => a.TextContent.Trim() == "Ingest files" && a.GetAttribute("href") == "ingest");
        Assert.Contains("There are no tables yet", empty.Find("[aria-labelledby='first-steps-title']").TextContent);

        using (var http = _app.CreateClient())
        {
            using var created = await http.PostAsJsonAsync("/api/v1/sql", new { sql = "CREATE SCHEMA home_cta; CREATE TABLE home_cta.first_table AS SELECT 1 AS id" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var withTables = Render<HomePage>();
        withTables.WaitForAssertion(() => Assert.Contains("home_cta.first_table", withTables.Markup));
        Assert.Contains("home_cta.first_table", withTables.Find("[role='region'][aria-labelledby='recent-tables-title']").TextContent);
        Assert.DoesNotContain("Load your first file", withTables.Markup);
        Assert.Contains(withTables.FindAll("a"), a => a.TextContent.Trim() == "Ingest files");
    }
}
