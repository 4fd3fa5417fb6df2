using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Tests.Web.Settings;

public sealed class RuntimeSettingsTests
{
    [Fact]
    public async Task A_saved_row_limit_applies_to_the_next_request_is_audited_and_survives_a_restart()
    {
        await using var first = new WorkbenchAppFactory();
        var client = first.CreateClient();
        var settings = first.Services.GetRequiredService<SettingsStore>();

        await settings.SaveAsync(settings.Current with { RowLimit = 5 }, "ada");
        using var refused = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 1", maxRows = 10 });
        using var limited = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT * FROM range(20)" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("between 1 and 5", await refused.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(5, body.RootElement.GetProperty("statements")[0].GetProperty("rows").GetArrayLength());
        var audited = await first.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.AdminChange });
        var entry = Assert.Single(audited.Entries);
        Assert.Equal(("ada", "setting RowLimit", "Row limit: 10000 → 5"), (entry.User, entry.Target, entry.Details));

        await using var restarted = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:DataDirectory"] = first.DataDirectory });
        _ = restarted.Server;
        var reloaded = restarted.Services.GetRequiredService<SettingsStore>();
        Assert.Equal(5, reloaded.Current.RowLimit);
        Assert.Equal("ada", reloaded.Overrides["RowLimit"].By);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_every_problem_and_nothing_changes()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        var settings = app.Services.GetRequiredService<SettingsStore>();
        var before = settings.Current;

        var error = await Assert.ThrowsAsync<SettingsException>(() => settings.SaveAsync(
            before with { RowLimit = 0, StatementTimeout = TimeSpan.Zero, FailureWebhookUrl = "file:///etc/passwd" }, "ada"));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("Row limit 0 is out of range", error.Message);
        Assert.Contains("not an absolute http:// or https:// URL", error.Message);
        Assert.Equal(before, settings.Current);
        Assert.Empty(settings.Overrides);
    }

    [Fact]
    public async Task Setting_a_value_back_to_the_configured_one_drops_the_override()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        var settings = app.Services.GetRequiredService<SettingsStore>();

        await settings.SaveAsync(settings.Current with { AuditRetentionDays = 30 }, "ada");
        Assert.Contains("AuditRetentionDays", settings.Overrides.Keys);
        await settings.SaveAsync(settings.Configured, "ada");

        Assert.Empty(settings.Overrides);
        Assert.Equal(settings.Configured, await settings.LoadAsync());
    }
}
