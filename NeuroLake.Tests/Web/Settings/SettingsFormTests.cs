using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Tests.Web.Cost;
using NeuroLake.Tests.Web.Governance;
using NeuroLake.Web.Identity;
using SettingsPage = NeuroLake.Web.Components.Pages.Admin.Settings;

namespace NeuroLake.Tests.Web.Settings;

/// <summary>Admin → Settings rendered by bUnit over a real workbench's settings store: saving, refusing, discarding.</summary>
public sealed class SettingsFormTests : MudComponentTest
{
    private readonly WorkbenchAppFactory _app = new();

    public SettingsFormTests()
    {
        _ = _app.Server;
        // Grace is the single user, an administrator.
        Context.AddSettingsPage(_app.Services, "grace");
    }

    private SettingsStore Store => _app.Services.GetRequiredService<SettingsStore>();

    [Fact]
    public async Task A_saved_form_changes_the_settings_in_force_and_each_change_is_audited_under_the_user()
    {
        var page = Render<SettingsPage>();

        page.Field("Row limit").Change("500");
        page.Field("Failure webhook URL").Change("https://hooks.example.com/neurolake");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Saved.", page.Markup), AdminPageQueries.Patience);
        Assert.Equal(500, Store.Current.RowLimit);
        Assert.Equal("https://hooks.example.com/neurolake", Store.Current.FailureWebhookUrl);
        var audited = await _app.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.AdminChange });
        Assert.Equal(
            ["setting FailureWebhookUrl", "setting RowLimit"],
            audited.Entries.Where(e => e.User == "grace").Select(e => e.Target).Order());
        Assert.Contains("Set by grace on", page.Markup);
    }

    [Fact]
    public void A_refused_save_lists_every_problem_keeps_the_draft_and_changes_nothing()
    {
        var before = Store.Current;
        var page = Render<SettingsPage>();

        page.Field("Row limit").Change("20000000");
        page.Field("Failure webhook URL").Change("file:///etc/passwd");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", page.Markup), AdminPageQueries.Patience);
        var problems = page.FindAll("[data-testid=settings-problems] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Row limit 20000000 is out of range", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not an absolute http:// or https:// URL", StringComparison.Ordinal));
        Assert.Equal("file:///etc/passwd", page.Field("Failure webhook URL").GetAttribute("value"));
        Assert.Equal(before, Store.Current);
        Assert.Empty(Store.Overrides);
    }

    [Fact]
    public void A_time_span_typo_is_refused_in_place_and_discard_brings_back_the_values_in_force()
    {
        var page = Render<SettingsPage>();

        page.Field("Statement timeout (d.hh:mm:ss)").Change("<b>soon</b>");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("is not a time span", page.Markup), AdminPageQueries.Patience);
        Assert.Contains("&lt;b&gt;soon&lt;/b&gt;", page.Markup);
        page.Button("Discard changes").Click();
        page.WaitForAssertion(() => Assert.Equal("00:30:00", page.Field("Statement timeout (d.hh:mm:ss)").GetAttribute("value")), AdminPageQueries.Patience);
        Assert.DoesNotContain("Nothing was saved", page.Markup);
    }

    [Fact]
    public void A_new_table_policy_with_a_bad_cron_is_refused_in_place_and_a_good_one_is_saved()
    {
        var page = Render<SettingsPage>();

        page.Field("Schedule (cron, UTC)").Change("every night");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Nothing was saved", page.Markup), AdminPageQueries.Patience);
        Assert.StartsWith(
            "New-table maintenance schedule: 'every night' is not a five-field cron expression",
            page.Find("[data-testid=settings-problems] li").TextContent);
        Assert.Empty(Store.Overrides);

        page.Field("Schedule (cron, UTC)").Change("0 1 * * *");
        page.CheckBox("Schedule maintenance for new tables").Change(true);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Saved.", page.Markup), AdminPageQueries.Patience);
        Assert.Equal(new NeuroLake.Engine.Settings.NewTableMaintenance(true, "0 1 * * *"), Store.Current.NewTables);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }
}
