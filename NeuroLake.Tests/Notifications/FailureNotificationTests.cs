using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Jobs;

namespace NeuroLake.Tests.Notifications;

/// <summary>Failure notifications over the real catalog on both providers: who they are for, restarts, and retention.</summary>
public sealed class FailureNotificationTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly SecurablePath Orders = SecurablePath.ForTable("main", "sales", "orders");

    private readonly ManualClock _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private sealed record Stores(JobDefinitionStore Definitions, JobRunStore Runs, NotificationStore Notifications, JobFailureNotifier Notifier);

    private async Task<Stores> OpenAsync(CatalogProvider provider)
    {
        var services = await databases.CreateMigratedAsync(provider);
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        var (definitions, runs, notifications) = (new JobDefinitionStore(factory, _time), new JobRunStore(factory, _time), new NotificationStore(factory, _time));
        return new Stores(definitions, runs, notifications, new JobFailureNotifier(runs, definitions, notifications, [], NullLogger<JobFailureNotifier>.Instance));
    }

    [Theory, CatalogProviders]
    public async Task A_run_the_app_stopped_under_notifies_its_owner_at_the_next_start(CatalogProvider provider)
    {
        var s = await OpenAsync(provider);
        var job = await s.Definitions.CreateAsync(Nightly(), "ana");
        var run = await s.Runs.QueueAsync(job.Kind, job.Table, job.Id, "schedule");
        await s.Runs.StartAsync(run.Id);
        await s.Runs.ReportAsync(run.Id, 0.5, "OPTIMIZE: writing files");
        _time.Advance(TimeSpan.FromMinutes(1));

        foreach (var failed in await s.Runs.FailInterruptedAsync(_time.GetUtcNow()))
        {
            await s.Notifier.NotifyAsync(failed);
        }

        var notification = Assert.Single((await s.Notifications.ListAsync(new NotificationReader("ana", IsAdmin: false))).Notifications);
        Assert.Equal((run.Id, "nightly optimize", "ana", Orders), (notification.RunId, notification.JobName, notification.Recipient, notification.Table));
        Assert.Contains("The app stopped while this run was at 'OPTIMIZE: writing files'", notification.Error);
        Assert.Empty((await s.Notifications.ListAsync(new NotificationReader("ben", IsAdmin: false))).Notifications);
    }

    [Theory, CatalogProviders]
    public async Task Runs_that_did_not_fail_notify_nobody(CatalogProvider provider)
    {
        var s = await OpenAsync(provider);
        var job = await s.Definitions.CreateAsync(Nightly(), "ana");
        var run = await s.Runs.QueueAsync(job.Kind, job.Table, job.Id, "schedule");
        await s.Runs.FinishAsync(run.Id, JobRunStatus.Cancelled, "optimizing", "Cancelled during 'optimizing'.", null);

        await s.Notifier.NotifyAsync(run.Id);

        Assert.Equal(0, (await s.Notifications.ListAsync(new NotificationReader("ana", IsAdmin: true))).Total);
    }

    [Theory, CatalogProviders]
    public async Task Notifications_are_pruned_with_the_job_history_they_point_to(CatalogProvider provider)
    {
        var s = await OpenAsync(provider);
        var job = await s.Definitions.CreateAsync(Nightly(), "ana");
        var old = await FailedAsync(s, job.Id);
        await s.Notifications.MarkReadAsync(new NotificationReader("ana", IsAdmin: false), await NotificationOf(s, old));
        _time.Advance(TimeSpan.FromDays(40));
        var crowded = await FailedAsync(s, job.Id);
        var kept = new[] { await FailedAsync(s, job.Id), await FailedAsync(s, job.Id) };

        await s.Runs.PruneAsync(_time.GetUtcNow().AddDays(-30), keepPerJob: 2);

        var left = (await s.Notifications.ListAsync(new NotificationReader("ana", IsAdmin: false))).Notifications.Select(n => n.RunId);
        Assert.Equal(kept.Order(), left.Order());
        Assert.DoesNotContain(crowded, left);
    }

    private static JobDraft Nightly() =>
        new("nightly optimize", JobKind.TableMaintenance, Orders, "0 2 * * *", "UTC", new MaintenanceSettings());

    private async Task<Guid> FailedAsync(Stores s, Guid job)
    {
        var run = await s.Runs.QueueAsync(JobKind.TableMaintenance, Orders, job, "schedule");
        await s.Runs.StartAsync(run.Id);
        await s.Runs.FinishAsync(run.Id, JobRunStatus.Failed, "optimizing", null, "The table main.sales.orders no longer exists: delete or change this job.");
        await s.Notifier.NotifyAsync(run.Id);
        _time.Advance(TimeSpan.FromMinutes(1));
        return run.Id;
    }

    private static async Task<Guid> NotificationOf(Stores s, Guid run) =>
        (await s.Notifications.ListAsync(new NotificationReader("ana", IsAdmin: false))).Notifications.Single(n => n.RunId == run).Id;
}
