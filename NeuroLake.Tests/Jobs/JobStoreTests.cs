using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Jobs;

public sealed class JobStoreTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    private static readonly SecurablePath Orders = SecurablePath.ForTable("main", "sales", "orders");

    private readonly ManualClock _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private static JobDraft Nightly(string name = "nightly optimize") =>
        new(name, JobKind.TableMaintenance, Orders, "0 2 * * *", "UTC", new MaintenanceSettings(ZOrderBy: ["customer_id"], Vacuum: true));

    private async Task<(JobDefinitionStore Definitions, JobRunStore Runs)> OpenAsync(CatalogProvider provider)
    {
        var services = await databases.CreateMigratedAsync(provider);
        var factory = services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        return (new JobDefinitionStore(factory, _time), new JobRunStore(factory, _time));
    }

    [Theory, CatalogProviders]
    public async Task A_job_keeps_its_settings_and_pausing_keeps_the_first_pause_until_resumed(CatalogProvider provider)
    {
        var (definitions, _) = await OpenAsync(provider);
        var created = await definitions.CreateAsync(Nightly(), "ana");

        _time.Advance(TimeSpan.FromHours(1));
        var paused = await definitions.PauseAsync(created.Id, "ben");
        _time.Advance(TimeSpan.FromHours(1));
        var pausedAgain = await definitions.PauseAsync(created.Id, "cy");
        var found = await definitions.FindAsync(created.Id);

        Assert.Equal(["customer_id"], found!.Maintenance!.ZOrderColumns);
        Assert.True(found.Maintenance.Vacuum);
        Assert.Equal((Orders, "ana"), (found.Table, found.Owner));
        Assert.Equal(_time.GetUtcNow().AddHours(-1), paused.PausedAt);
        Assert.Equal((paused.PausedAt, "ben"), (pausedAgain.PausedAt, pausedAgain.PausedBy));

        var resumed = await definitions.ResumeAsync(created.Id);
        Assert.False(resumed.IsPaused);
        Assert.Single(await definitions.ListAsync(Orders));
        Assert.Empty(await definitions.ListAsync(SecurablePath.ForTable("main", "sales", "other")));
    }

    [Theory, CatalogProviders]
    public async Task Invalid_drafts_are_refused_with_what_to_change_and_nothing_is_stored(CatalogProvider provider)
    {
        var (definitions, _) = await OpenAsync(provider);

        var badCron = await Assert.ThrowsAsync<JobException>(() => definitions.CreateAsync(Nightly() with { Cron = "0 25 * * *" }, "ana"));
        var fourFields = await Assert.ThrowsAsync<JobException>(() => definitions.CreateAsync(Nightly() with { Cron = "0 2 * *" }, "ana"));
        var zone = await Assert.ThrowsAsync<JobException>(() => definitions.CreateAsync(Nightly() with { TimeZone = "Mars/Olympus" }, "ana"));
        var nothing = await Assert.ThrowsAsync<JobException>(() =>
            definitions.CreateAsync(Nightly() with { Maintenance = new MaintenanceSettings(Optimize: false) }, "ana"));
        var noTable = await Assert.ThrowsAsync<JobException>(() => definitions.CreateAsync(Nightly() with { Table = null }, "ana"));

        Assert.Contains("not a valid cron expression", badCron.Message);
        Assert.Contains("five-field", fourFields.Message);
        Assert.Contains("IANA", zone.Message);
        Assert.Contains("OPTIMIZE, VACUUM or both", nothing.Message);
        Assert.Contains("catalog.schema.table", noTable.Message);
        Assert.Empty(await definitions.ListAsync());
    }

    [Theory, CatalogProviders]
    public async Task Run_history_is_searchable_by_kind_table_status_and_time_newest_first(CatalogProvider provider)
    {
        var (definitions, runs) = await OpenAsync(provider);
        var job = await definitions.CreateAsync(Nightly(), "ana");
        var first = await runs.QueueAsync(JobKind.TableMaintenance, Orders, job.Id, "schedule");
        await runs.StartAsync(first.Id);
        await runs.FinishAsync(first.Id, JobRunStatus.Failed, "OPTIMIZE: running", null, "conflict");
        _time.Advance(TimeSpan.FromDays(1));
        var second = await runs.QueueAsync(JobKind.TableMaintenance, Orders, job.Id, "ana");
        await runs.StartAsync(second.Id);
        await runs.FinishAsync(second.Id, JobRunStatus.Succeeded, "done", "OPTIMIZE committed version 4", null);
        _time.Advance(TimeSpan.FromDays(1));
        await runs.QueueAsync(JobKind.CatalogDrift, null, null, "ana");

        var all = await runs.SearchAsync(new JobRunQuery());
        var failed = await runs.SearchAsync(new JobRunQuery(Status: JobRunStatus.Failed));
        var ofOrders = await runs.SearchAsync(new JobRunQuery(Table: Orders, From: _time.GetUtcNow().AddDays(-1.5)));
        var secondPage = await runs.SearchAsync(new JobRunQuery(Skip: 1, Take: 1));

        Assert.Equal([JobKind.CatalogDrift, JobKind.TableMaintenance, JobKind.TableMaintenance], all.Runs.Select(r => r.Kind));
        Assert.Equal(first.Id, Assert.Single(failed.Runs).Id);
        Assert.Equal("conflict", failed.Runs[0].Error);
        Assert.Equal((second.Id, 1.0), (Assert.Single(ofOrders.Runs).Id, ofOrders.Runs[0].Progress));
        Assert.Equal((3, second.Id), (secondPage.Total, Assert.Single(secondPage.Runs).Id));
    }

    [Theory, CatalogProviders]
    public async Task Retention_removes_old_and_surplus_finished_runs_but_never_a_running_one(CatalogProvider provider)
    {
        var (definitions, runs) = await OpenAsync(provider);
        var job = await definitions.CreateAsync(Nightly(), "ana");
        var old = await Finished(runs, job.Id);
        _time.Advance(TimeSpan.FromDays(40));
        var running = await runs.QueueAsync(JobKind.TableMaintenance, Orders, job.Id, "ana");
        await runs.StartAsync(running.Id);
        var recent = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            recent.Add((await Finished(runs, job.Id)).Id);
        }

        var removed = await runs.PruneAsync(_time.GetUtcNow().AddDays(-30), keepPerJob: 2);

        var left = (await runs.SearchAsync(new JobRunQuery())).Runs.Select(r => r.Id).ToHashSet();
        Assert.Equal(3, removed);
        Assert.DoesNotContain(old.Id, left);
        Assert.Equal(new[] { running.Id, recent[2], recent[3] }.Order(), left.Order());
    }

    [Theory, CatalogProviders]
    public async Task Runs_left_running_by_an_earlier_process_are_failed_with_where_they_stopped(CatalogProvider provider)
    {
        var (definitions, runs) = await OpenAsync(provider);
        var job = await definitions.CreateAsync(Nightly(), "ana");
        var interrupted = await runs.QueueAsync(JobKind.TableMaintenance, Orders, job.Id, "schedule");
        await runs.StartAsync(interrupted.Id);
        await runs.ReportAsync(interrupted.Id, 0.4, "OPTIMIZE: writing files");
        _time.Advance(TimeSpan.FromMinutes(5));
        var processStart = _time.GetUtcNow();
        var afterRestart = await runs.QueueAsync(JobKind.TableMaintenance, Orders, job.Id, "schedule");

        var failed = await runs.FailInterruptedAsync(processStart);

        var run = await runs.FindAsync(interrupted.Id);
        Assert.Equal([interrupted.Id], failed);
        Assert.Equal(JobRunStatus.Failed, run!.Status);
        Assert.Contains("OPTIMIZE: writing files", run.Error);
        Assert.Equal(JobRunStatus.Queued, (await runs.FindAsync(afterRestart.Id))!.Status);
    }

    private async Task<JobRun> Finished(JobRunStore runs, Guid definition)
    {
        var run = await runs.QueueAsync(JobKind.TableMaintenance, Orders, definition, "schedule");
        await runs.StartAsync(run.Id);
        await runs.FinishAsync(run.Id, JobRunStatus.Succeeded, "done", "ok", null);
        return run;
    }
}
