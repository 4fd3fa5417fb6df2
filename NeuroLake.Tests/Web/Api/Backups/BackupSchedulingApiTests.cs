using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Web.Api.Tables;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Backups;

/// <summary>
/// Retention through the API (a dry run first, then applied) and scheduled backup jobs: only administrators run
/// retention, create backup or verify jobs, or see such jobs and their runs.
/// </summary>
public sealed class BackupSchedulingApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task A_retention_dry_run_removes_nothing_and_applying_it_keeps_the_seven_latest_sets_usable()
    {
        // The app's policy is the default: 7 latest (all sets here are of one day, so daily, weekly and monthly add none).
        for (var i = 0; i < 8; i++)
        {
            await BackupsApiTests.TakeBackupAsync(lake);
        }

        var before = await SetIdsAsync();
        var (dryStatus, dryRun) = await lake.Admin.PostApiAsync("/api/v1/backups/retention?dryRun=true", null);
        var afterDryRun = await SetIdsAsync();
        var (status, applied) = await lake.Admin.PostApiAsync("/api/v1/backups/retention?dryRun=false", null);
        var after = await SetIdsAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (dryStatus, status));
        Assert.Equal(before, afterDryRun);
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Equal(7, dryRun.GetProperty("policy").GetProperty("latest").GetInt32());
        var wouldGo = dryRun.GetProperty("removed").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.Equal(before.Count - 7, wouldGo.Count);
        Assert.Equal(before.Take(7), after);
        Assert.False(applied.GetProperty("dryRun").GetBoolean());
        Assert.Equal(wouldGo, applied.GetProperty("removed").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        var verified = await lake.Admin.PollOperationAsync((await lake.Admin.PostApiAsync($"/api/v1/backups/{after[^1]}/verify", null)).Json);
        Assert.True(verified.GetProperty("result").GetProperty("usable").GetBoolean());
        Assert.DoesNotContain(lake.App.DataDirectory, applied.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_may_not_run_retention_nor_schedule_see_or_run_backup_jobs()
    {
        await BackupsApiTests.TakeBackupAsync(lake);
        var before = await SetIdsAsync();
        var scheduler = lake.App.Services.GetRequiredService<NeuroLake.Web.Jobs.JobScheduler>();
        var job = await scheduler.CreateAsync(new JobDraft("nightly backup", JobKind.Backup, null, "0 1 * * *"), AccountsApp.AdminName, CancellationToken.None);
        await scheduler.PauseAsync(job.Id, AccountsApp.AdminName, CancellationToken.None);
        var run = await lake.App.Services.GetRequiredService<JobRunStore>().QueueAsync(job.Kind, null, job.Id, AccountsApp.AdminName);

        var (retention, problem) = await lake.AnalystClient.PostApiAsync("/api/v1/backups/retention?dryRun=false", null);
        var (create, created) = await lake.AnalystClient.PostApiAsync("/api/v1/jobs", new { name = "mine", kind = "VerifyBackups", cron = "0 3 * * *" });
        var (get, _) = await lake.AnalystClient.GetApiAsync($"/api/v1/jobs/{job.Id}");
        var (runNow, _) = await lake.AnalystClient.PostApiAsync($"/api/v1/jobs/{job.Id}/run", null);
        var (runOf, _) = await lake.AnalystClient.GetApiAsync($"/api/v1/jobs/runs/{run.Id}");
        var (cancel, _) = await lake.AnalystClient.PostApiAsync($"/api/v1/jobs/runs/{run.Id}/cancel", null);
        var (_, analystJobs) = await lake.AnalystClient.GetApiAsync("/api/v1/jobs");
        var (_, analystRuns) = await lake.AnalystClient.GetApiAsync("/api/v1/jobs/runs?take=1000");
        var (_, adminRuns) = await lake.Admin.GetApiAsync("/api/v1/jobs/runs?take=1000");

        Assert.Equal(HttpStatusCode.Forbidden, retention);
        Assert.Contains("administrators", problem.Detail());
        Assert.Equal(before, await SetIdsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, create);
        Assert.Contains("only an administrator may schedule a VerifyBackups job", created.Detail());
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict], [get, runNow, runOf, cancel]);
        Assert.DoesNotContain(job.Id.ToString(), analystJobs.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Id.ToString(), analystRuns.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(run.Id.ToString(), adminRuns.GetRawText(), StringComparison.Ordinal);
        Assert.False((await lake.App.Services.GetRequiredService<JobRunStore>().FindAsync(run.Id))!.IsFinished, "the analyst's cancel changed nothing");
    }

    /// <summary>The repository's set ids, newest first.</summary>
    private async Task<List<string>> SetIdsAsync()
    {
        var (status, list) = await lake.Admin.GetApiAsync("/api/v1/backups");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. list.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }
}
