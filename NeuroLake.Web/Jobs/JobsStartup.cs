using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;

namespace NeuroLake.Web.Jobs;

/// <summary>
/// At start, before workers take jobs: runs an earlier process left running are marked failed with where they
/// stopped (never lost silently) and their owners notified, and Hangfire's recurring jobs are made to match the catalog's definitions.
/// </summary>
internal sealed class JobsStartup(JobRunStore runs, JobScheduler scheduler, JobFailureNotifier notifier, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var failed in await runs.FailInterruptedAsync(time.GetUtcNow(), cancellationToken))
        {
            await notifier.NotifyAsync(failed);
        }

        await scheduler.SyncAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
