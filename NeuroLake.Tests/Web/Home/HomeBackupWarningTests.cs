using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Backup;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Backups;
using NeuroLake.Web.Components.Pages.Home;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Tests.Web.Home;

/// <summary>
/// Home's backup section: with no schedule it says so; with an hourly Backup job a fresh set brings no warning and a
/// set three hours old does. The clock is the test's, so "old" needs no waiting.
/// </summary>
public sealed class HomeBackupWarningTests : MudComponentTest, IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;
    private readonly BackupClock _clock = new(DateTimeOffset.UtcNow);

    public HomeBackupWarningTests(WorkbenchAppFactory app)
    {
        _app = app;
        Context.Services.AddSingleton(app.Services.GetRequiredService<IOptions<NeuroLakeOptions>>());
        Context.Services.AddScoped<UserClock>();
        Context.Services.AddSingleton(new BackupHealth(
            app.Services.GetRequiredService<LakehouseBackups>(), app.Services.GetRequiredService<JobDefinitionStore>(), app.Services.GetRequiredService<JobRunStore>(), _clock));
        Context.AddAuthorization().SetAuthorized("tester");
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Home_warns_when_no_backup_is_scheduled_or_the_last_is_older_than_the_schedule_promises_and_not_when_fresh()
    {
        var sets = _app.Services.GetRequiredService<LakehouseBackups>();
        var definitions = _app.Services.GetRequiredService<JobDefinitionStore>();
        var clock = _clock;

        var unscheduled = Render<BackupStatus>();
        unscheduled.WaitForAssertion(() => Assert.Contains("No backup is scheduled", unscheduled.Markup));
        Assert.Contains("No backup has been taken yet", unscheduled.Markup);

        await definitions.CreateAsync(new JobDraft("hourly backup", JobKind.Backup, null, "0 * * * *"), "tester");
        await sets.BackupAsync(CancellationToken.None);
        clock.Now = (await sets.LastSetAtAsync(CancellationToken.None))!.Value.AddMinutes(10);

        var fresh = Render<BackupStatus>();
        fresh.WaitForAssertion(() => Assert.Contains("Last successful backup 10 min ago", fresh.Markup));
        Assert.Empty(fresh.FindAll("[role=alert]"));

        clock.Now = clock.Now.AddHours(3);
        var old = Render<BackupStatus>();
        old.WaitForAssertion(() => Assert.Contains("Last successful backup 3 h 10 min ago", old.Markup));
        var warning = Assert.Single(old.FindAll("[role=alert]"));
        Assert.Contains("promises a backup at least every 1 h", warning.TextContent);
        Assert.Contains("the newest is 3 h 10 min old", warning.TextContent);
    }
}
