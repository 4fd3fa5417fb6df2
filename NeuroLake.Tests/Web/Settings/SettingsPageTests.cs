using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Settings;

namespace NeuroLake.Tests.Web.Settings;

public sealed class SettingsPageTests
{
    [Fact]
    public async Task The_page_shows_each_setting_with_its_configured_value_and_who_overrode_it()
    {
        await using var app = new WorkbenchAppFactory();
        var client = app.CreateClient();
        var settings = app.Services.GetRequiredService<SettingsStore>();
        await settings.SaveAsync(settings.Current with { RowLimit = 250 }, "ada<b>");

        var html = await client.GetStringAsync("/admin/settings");

        Assert.Contains("Row limit", html);
        Assert.Contains("value=\"250\"", html);
        Assert.Contains("Configured: 10,000. Set by ada&lt;b&gt; on", html);
        Assert.Contains("Configured: 00:30:00.", html);
        Assert.DoesNotContain("ada<b>", html);
        // The single user is the administrator, so the navigation lists the administrators' pages.
        Assert.Contains("href=\"admin/settings\"", html);
    }

    [Fact]
    public void A_time_span_that_does_not_parse_is_reported_with_an_example_and_no_settings_are_made()
    {
        var configured = new RuntimeSettings(10_000, TimeSpan.FromMinutes(30), 1_000_000, TimeSpan.FromDays(7), 365, 30, 100, "");
        var draft = SettingsDraft.From(configured);
        draft.StatementTimeout = "half an hour";

        var (settings, problems) = draft.ToSettings(configured);

        Assert.Null(settings);
        Assert.Equal("Statement timeout 'half an hour' is not a time span: write days.hours:minutes:seconds, e.g. 00:30:00 for 30 minutes or 7.00:00:00 for a week.", Assert.Single(problems));
    }

    [Fact]
    public void A_draft_of_unchanged_fields_gives_back_the_same_settings()
    {
        var configured = new RuntimeSettings(10_000, TimeSpan.FromMinutes(30), 1_000_000, TimeSpan.FromDays(7), 365, 30, 100, "https://hooks.example.com/x");

        var (settings, problems) = SettingsDraft.From(configured).ToSettings(configured);

        Assert.Empty(problems);
        Assert.Equal(configured, settings);
    }
}
