using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.Governance;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Pipelines;
using PipelinesPage = NeuroLake.Web.Components.Pages.Pipelines.Pipelines;

namespace NeuroLake.Tests.Web.Pipelines;

/// <summary>Importing a registry file on /pipelines: asked first, replaces the registry, and a bad file changes nothing.</summary>
public sealed class PipelineImportPageTests : MudComponentTest
{
    private readonly WorkbenchAppFactory _app = new();

    public PipelineImportPageTests()
    {
        _ = _app.Server;
        foreach (var type in new[] { typeof(PatternLibrary), typeof(PipelineRegistry), typeof(PipelineAuthoring), typeof(PrivilegeEvaluator), typeof(IWorkbenchUser) })
        {
            Context.Services.AddSingleton(type, _app.Services.CreateScope().ServiceProvider.GetRequiredService(type));
        }

        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task An_exported_file_replaces_the_registry_after_the_user_confirms()
    {
        using var http = _app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "exported_one", sql = "SELECT 1" });
        var exported = await http.GetStringAsync("/api/v1/pipelines/export");
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "made_later", sql = "SELECT 2" });
        var providers = RenderProviders();
        var page = Render<PipelinesPage>();
        page.WaitForAssertion(() => Assert.Contains("made_later", page.Markup));

        // bUnit waits for the change handler, which waits for the confirmation: upload on another thread, confirm here.
        var input = page.FindComponent<InputFile>();
        var upload = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromText(exported, "registry.json")));
        providers.WaitForAssertion(() => Assert.Contains("Replace every saved pipeline and template with those in registry.json?", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Replace").Click();
        await upload.WaitAsync(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Contains("Imported registry.json", page.Markup));
        Assert.DoesNotContain("made_later", page.Markup);
        var names = (await http.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/pipelines"))!.Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["exported_one"], names);
    }

    [Fact]
    public async Task A_file_that_is_not_a_registry_is_refused_and_the_registry_keeps_what_it_had()
    {
        using var http = _app.CreateClient();
        await http.PostAsJsonAsync("/api/v1/pipelines", new { name = "kept", sql = "SELECT 1" });
        var providers = RenderProviders();
        var page = Render<PipelinesPage>();
        page.WaitForAssertion(() => Assert.Contains("kept", page.Markup));

        var input = page.FindComponent<InputFile>();
        var upload = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromText("{ not json <img src=x onerror=alert(1)>", "bad<b>.json")));
        providers.WaitForAssertion(() => Assert.Contains("Replace every saved pipeline", providers.Markup));
        providers.FindAll("button").Single(b => b.TextContent.Trim() == "Replace").Click();
        await upload.WaitAsync(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Contains("not valid JSON", page.Markup));
        Assert.Contains("kept", page.Markup);
        Assert.DoesNotContain("<img src=x", page.Markup);
        Assert.Equal("kept", Assert.Single((await http.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/pipelines"))!).GetProperty("name").GetString());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }
}
