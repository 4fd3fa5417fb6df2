using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Jobs;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Jobs;

/// <summary>The cleanup of expired uploads and stale scratch files as Hangfire recurring system jobs, in the real app.</summary>
public sealed class CleanupJobsTests
{
    [Fact]
    public async Task The_cleanup_jobs_exist_after_start_and_a_run_removes_an_expired_upload_but_keeps_a_fresh_one()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        var uploads = app.Services.GetRequiredService<UploadStore>();
        var expired = await SaveAsync(uploads, "old.csv", "a,b\n1,2\n");
        var fresh = await SaveAsync(uploads, "new.csv", "a,b\n3,4\n5,6\n");
        Backdate(uploads, expired.Id, TimeSpan.FromDays(8));

        var jobs = (await app.Services.GetRequiredService<JobDefinitionStore>().ListAsync()).Where(SystemJobs.IsSystem).ToList();
        var run = await app.Services.GetRequiredService<JobScheduler>().RunNowAsync(SystemJobs.UploadCleanupId, "ana", CancellationToken.None);
        var finished = await WaitForFinishAsync(app, run.Id);

        Assert.Equal(
            [
                (SystemJobs.UploadCleanupId, JobKind.UploadCleanup, "0 * * * *"), (SystemJobs.ScratchCleanupId, JobKind.ScratchCleanup, "30 * * * *"),
                (SystemJobs.StorageMeteringId, JobKind.StorageMetering, "15 0 * * *"),
            ],
            jobs.Select(j => (j.Id, j.Kind, j.Cron)).OrderBy(j => j.Kind));
        Assert.All(jobs, j => Assert.Equal(SystemJobs.Owner, j.Owner));
        Assert.Equal((JobRunStatus.Succeeded, $"Removed 1 upload ({expired.Size} B)"), (finished.Status, finished.Summary));
        Assert.Null(uploads.Find(expired.Id));
        Assert.NotNull(uploads.Find(fresh.Id));
        var recurring = RecurringIds(app);
        Assert.Contains(JobScheduler.RecurringId(SystemJobs.UploadCleanupId), recurring);
        Assert.Contains(JobScheduler.RecurringId(SystemJobs.ScratchCleanupId), recurring);
        Assert.Contains(JobScheduler.RecurringId(SystemJobs.StorageMeteringId), recurring);
    }

    [Fact]
    public async Task The_cleanup_jobs_survive_a_restart_once_each_keeping_a_pause_and_a_new_schedule_and_cannot_be_deleted()
    {
        var data = Path.Combine(Path.GetTempPath(), "neurolake-cleanup-restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["NeuroLake:DataDirectory"] = data };
        try
        {
            await using (var first = new WorkbenchAppFactory(settings))
            {
                _ = first.Server;
                var scheduler = first.Services.GetRequiredService<JobScheduler>();
                await scheduler.PauseAsync(SystemJobs.UploadCleanupId, "ana", CancellationToken.None);
                var scratch = await first.Services.GetRequiredService<JobDefinitionStore>().FindAsync(SystemJobs.ScratchCleanupId);
                await scheduler.UpdateAsync(
                    SystemJobs.ScratchCleanupId, new JobDraft("renamed", JobKind.CatalogDrift, null, "15 */2 * * *"), "ana", CancellationToken.None);
                var refused = await Assert.ThrowsAsync<JobException>(() => scheduler.DeleteAsync(SystemJobs.ScratchCleanupId, "ana", CancellationToken.None));
                var second = await Assert.ThrowsAsync<JobException>(() =>
                    scheduler.CreateAsync(new JobDraft("another", JobKind.UploadCleanup, null, "0 * * * *"), "ana", CancellationToken.None));

                Assert.Equal("'Remove stale scratch files' is a system job and cannot be deleted: pause it, or change its schedule.", refused.Message);
                Assert.Contains("NeuroLake keeps one UploadCleanup job itself", second.Message);
                Assert.Equal("Remove stale scratch files", scratch!.Name);
            }

            await using var restarted = new WorkbenchAppFactory(settings);
            _ = restarted.Server;

            var jobs = (await restarted.Services.GetRequiredService<JobDefinitionStore>().ListAsync()).Where(SystemJobs.IsSystem).ToList();
            Assert.Equal(SystemJobs.Defaults.Count, jobs.Count);
            var uploadCleanup = jobs.Single(j => j.Id == SystemJobs.UploadCleanupId);
            var scratchCleanup = jobs.Single(j => j.Id == SystemJobs.ScratchCleanupId);
            Assert.True(uploadCleanup.IsPaused);
            Assert.Equal(("Remove stale scratch files", JobKind.ScratchCleanup, "15 */2 * * *"), (scratchCleanup.Name, scratchCleanup.Kind, scratchCleanup.Cron));
            var recurring = RecurringIds(restarted);
            Assert.DoesNotContain(JobScheduler.RecurringId(SystemJobs.UploadCleanupId), recurring);
            Assert.Contains(JobScheduler.RecurringId(SystemJobs.ScratchCleanupId), recurring);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    internal static async Task<JobRun> WaitForFinishAsync(WorkbenchAppFactory app, Guid runId)
    {
        var runs = app.Services.GetRequiredService<JobRunStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        JobRun? run = null;
        while (!timeout.IsCancellationRequested)
        {
            run = await runs.FindAsync(runId, CancellationToken.None);
            if (run is { IsFinished: true })
            {
                return run;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        var details = run?.ExternalId is { } id ? app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(id) : null;
        var states = details is null ? "" : string.Join("; ", details.History.Select(h => $"{h.StateName} {h.Reason} {string.Join(",", h.Data.Select(d => $"{d.Key}={d.Value}"))}"));
        throw new TimeoutException($"The run did not finish within 90 seconds: {run}; Hangfire states: {states}");
    }

    internal static List<string> RecurringIds(WorkbenchAppFactory app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToList();
    }

    private static async Task<UploadedFile> SaveAsync(UploadStore uploads, string name, string text)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return (await uploads.SaveAsync("ana", name, body, CancellationToken.None)).Upload;
    }

    // As if uploaded long ago: the manifest's time is what expiry counts from.
    private static void Backdate(UploadStore uploads, string id, TimeSpan age)
    {
        var path = Path.Combine(uploads.Root, id, "meta", UploadManifest.StoredAs);
        var manifest = UploadManifest.Read(path)!;
        (manifest with { UploadedAt = manifest.UploadedAt - age }).Write(path);
    }
}
