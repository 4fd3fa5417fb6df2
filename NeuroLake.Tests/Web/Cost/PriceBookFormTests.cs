using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Web.Api;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Components.Pages.Admin;

namespace NeuroLake.Tests.Web.Cost;

/// <summary>Admin → Settings' price book form rendered by bUnit over a real workbench: presets, per-field problems, an audited save.</summary>
public sealed class PriceBookFormTests : MudComponentTest
{
    private TokenApiApp _app = default!;

    private PriceBookStore Store => _app.App.Services.GetRequiredService<PriceBookStore>();

    private async Task<IRenderedComponent<PriceBookForm>> RenderAsync(string user = AccountsApp.AdminName)
    {
        _app = await TokenApiApp.StartAsync(setupSql: "");
        Context.AddCostServices(_app.App.Services, user);
        return Render<PriceBookForm>();
    }

    [Fact]
    public async Task A_preset_fills_every_field_and_nothing_is_saved_until_save()
    {
        var form = await RenderAsync();

        form.Button(PriceBookPresets.Azure.Name).Click();

        Assert.Equal(PriceBookPresets.Azure.Name, form.Field("Name").GetAttribute("value"));
        Assert.Equal("0.0184", form.Field("Warm tier (USD per GB-month)").GetAttribute("value"));
        Assert.Equal("0.087", form.Field("Egress (USD per GB)").GetAttribute("value"));
        Assert.Contains("No price book is saved yet", form.Find("[data-testid=price-book-in-force]").TextContent);
        Assert.Null(await Store.CurrentAsync());
    }

    [Fact]
    public async Task Each_invalid_field_shows_its_problem_and_nothing_is_saved_or_audited()
    {
        var form = await RenderAsync();

        // Price labels name the draft's currency, so the price goes first.
        form.Field("Egress (USD per GB)").Change("-1");
        form.Field("Currency (ISO 4217)").Change("usd");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Nothing was saved", form.Markup), AdminPageQueries.Patience);
        var fields = form.Find("form").TextContent;
        Assert.Contains("Currency is 'usd': use a three-letter ISO 4217 code", fields);
        Assert.Contains("EgressPerGb is -1: a price cannot be negative", fields);
        Assert.Null(await Store.CurrentAsync());
        var audited = await _app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = PriceBookEditingTarget });
        Assert.Empty(audited.Entries);
    }

    [Fact]
    public async Task A_saved_price_book_is_in_force_shown_with_who_entered_it_and_audited()
    {
        var form = await RenderAsync();

        form.Button(PriceBookPresets.Gcp.Name).Click();
        form.Field("Own machine (USD per hour)").Change("0.25");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("is the price book in force from now on", form.Markup), AdminPageQueries.Patience);
        var current = await Store.CurrentAsync();
        Assert.Equal(PriceBookPresets.Gcp with { MachinePerHour = 0.25m }, current!.Prices);
        Assert.Contains($"entered by {AccountsApp.AdminName}", form.Find("[data-testid=price-book-in-force]").TextContent);
        var entry = Assert.Single((await _app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = PriceBookEditingTarget })).Entries);
        Assert.Equal((AccountsApp.AdminName, AuditAction.AdminChange, AuditOutcome.Succeeded), (entry.User, entry.Action, entry.Outcome));
        Assert.Contains("machine 0.25/hour", entry.Details);
    }

    [Fact]
    public async Task An_analyst_who_reaches_the_form_cannot_save_and_the_attempt_is_audited_as_denied()
    {
        var form = await RenderAsync(TokenApiApp.Analyst);

        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Contains("Only workbench administrators", form.Markup), AdminPageQueries.Patience);
        Assert.Null(await Store.CurrentAsync());
        var entry = Assert.Single((await _app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = PriceBookEditingTarget })).Entries);
        Assert.Equal((TokenApiApp.Analyst, AuditOutcome.Denied), (entry.User, entry.Outcome));
    }

    private const string PriceBookEditingTarget = NeuroLake.Web.Cost.PriceBookEditing.AuditTarget;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
