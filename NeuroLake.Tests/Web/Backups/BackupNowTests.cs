using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Backups;

/// <summary>"Back up now" queues a one-off run of the Backup job kind, which the app's job server runs as its trigger.</summary>
public sealed class BackupNowTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task Back_up_now_runs_the_Backup_job_kind_once_and_the_set_is_listed()
    {
        var user = app.Services.CreateScope().ServiceProvider.GetRequiredService<IWorkbenchUser>().Name;
        var sets = app.Services.GetRequiredService<LakehouseBackups>();
        var before = (await sets.ListAsync(CancellationToken.None)).Count;

        var queued = await app.Services.GetRequiredService<JobScheduler>().BackupNowAsync(user, CancellationToken.None);

        Assert.Equal((JobKind.Backup, null, user), (queued.Kind, queued.DefinitionId, queued.TriggeredBy));
        var runs = app.Services.GetRequiredService<JobRunStore>();
        var run = queued;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!run.IsFinished)
        {
            await Task.Delay(200, giveUp.Token);
            run = (await runs.FindAsync(queued.Id, giveUp.Token))!;
        }

        Assert.True(run.Status == JobRunStatus.Succeeded, $"{run.Status}: {run.Error}");
        Assert.Equal(before + 1, (await sets.ListAsync(CancellationToken.None)).Count);
    }
}
