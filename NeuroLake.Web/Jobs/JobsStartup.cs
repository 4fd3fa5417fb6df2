using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Jobs.Cleanup;
using NeuroLake.Engine.Notifications;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// At start, before workers take jobs: what a crashed earlier run left in the staging and scratch folders goes (the
/// scratch cleanup job then removes staged files by age on its schedule), runs an earlier process left running are marked failed with
/// where they stopped (never lost silently) and their owners notified, the system jobs exist, and Hangfire's recurring jobs match the catalog.
/// </summary>
internal sealed class JobsStartup(JobRunStore runs, JobScheduler scheduler, ScratchCleanupJob scratch, JobFailureNotifier notifier, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        scratch.SweepLeftovers(cancellationToken);
        foreach (var failed in await runs.FailInterruptedAsync(time.GetUtcNow(), cancellationToken))
        {
            await notifier.NotifyAsync(failed);
        }

        await scheduler.SyncAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
