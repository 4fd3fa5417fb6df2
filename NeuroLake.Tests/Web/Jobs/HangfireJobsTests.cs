using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Jobs;

/// <summary>Real Hangfire in the real app, on the SQLite and PostgreSQL catalogs.</summary>
public sealed class HangfireJobsTests
{
    private static readonly SecurablePath Table = SecurablePath.ForTable("main", "s", "t");

    private static readonly JobDraft NightlyOptimize = new("nightly optimize", JobKind.TableMaintenance, Table, "0 2 * * *", "UTC", new MaintenanceSettings());

    [Fact]
    public Task A_recurring_job_fires_through_hangfire_pauses_and_resumes_on_sqlite() => RecurringJobLifecycle(new Dictionary<string, string>());

    [PostgresFact]
    public Task A_recurring_job_fires_through_hangfire_pauses_and_resumes_on_postgres() => PostgresCatalogSettings.RunAsync("neurolake_jobs", RecurringJobLifecycle);

    [Fact]
    public Task A_run_left_running_by_a_crashed_process_is_failed_with_a_reason_at_the_next_start_on_sqlite() =>
        CrashedRunIsFailedAtNextStart(new Dictionary<string, string>());

    [PostgresFact]
    public Task A_run_left_running_by_a_crashed_process_is_failed_with_a_reason_at_the_next_start_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_jobs_restart", CrashedRunIsFailedAtNextStart);

    private static async Task CrashedRunIsFailedAtNextStart(IReadOnlyDictionary<string, string> catalog)
    {
        var data = Path.Combine(Path.GetTempPath(), "neurolake-jobs-restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>(catalog) { ["NeuroLake:DataDirectory"] = data };
        try
        {
            Guid runId;
            await using (var first = new WorkbenchAppFactory(settings))
            {
                _ = first.Server;
                await CreateTableAsync(first);
                var job = await first.Services.GetRequiredService<JobDefinitionStore>().CreateAsync(NightlyOptimize, "ana");
                var runs = first.Services.GetRequiredService<JobRunStore>();
                runId = (await runs.QueueAsync(job.Kind, job.Table, job.Id, "schedule")).Id;
                await runs.StartAsync(runId);
                await runs.ReportAsync(runId, 0.3, "OPTIMIZE: writing files");
            }

            await using var second = new WorkbenchAppFactory(settings);
            _ = second.Server;

            var run = await second.Services.GetRequiredService<JobRunStore>().FindAsync(runId);
            Assert.Equal(JobRunStatus.Failed, run!.Status);
            Assert.Contains("OPTIMIZE: writing files", run.Error);
            Assert.Contains("nothing half-done was committed", run.Error);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Run_now_queues_a_run_that_a_worker_completes_and_a_finished_run_cannot_be_cancelled()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        await CreateTableAsync(app);
        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        var job = await scheduler.CreateAsync(NightlyOptimize, "ana", CancellationToken.None);
        await scheduler.PauseAsync(job.Id, "ana", CancellationToken.None);

        var queued = await scheduler.RunNowAsync(job.Id, "ben", CancellationToken.None);
        var finished = await WaitForFinishAsync(app, queued.Id);

        Assert.Equal((JobRunStatus.Succeeded, "ben"), (finished.Status, finished.TriggeredBy));
        Assert.NotNull(queued.ExternalId);
        Assert.False(await scheduler.CancelAsync(queued.Id, "ana", CancellationToken.None));
    }

    [Fact]
    public Task Cancel_stops_a_running_optimize_within_moments_and_the_table_keeps_its_version_on_sqlite() =>
        CancelStopsARunningOptimize(new Dictionary<string, string>());

    [PostgresFact]
    public Task Cancel_stops_a_running_optimize_within_moments_and_the_table_keeps_its_version_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_jobs_cancel", CancelStopsARunningOptimize);

    private static async Task CancelStopsARunningOptimize(IReadOnlyDictionary<string, string> catalog)
    {
        await using var app = new WorkbenchAppFactory(catalog);
        _ = app.Server;
        var queries = app.Services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync("""
            CREATE SCHEMA s;
            CREATE TABLE s.big AS SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            INSERT INTO s.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            INSERT INTO s.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            """, new QueryRequest("ana"));
        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        var job = await scheduler.CreateAsync(
            new JobDraft("z-order", JobKind.TableMaintenance, SecurablePath.ForTable("main", "s", "big"), "0 2 * * *", "UTC", new MaintenanceSettings(ZOrderBy: ["h", "x"])),
            "ana", CancellationToken.None);
        var run = await scheduler.RunNowAsync(job.Id, "ana", CancellationToken.None);
        var runs = app.Services.GetRequiredService<JobRunStore>();
        while ((await runs.FindAsync(run.Id))!.Step is var step && !step.StartsWith("OPTIMIZE:", StringComparison.Ordinal))
        {
            await Task.Delay(50);
        }

        Assert.True(await scheduler.CancelAsync(run.Id, "ana", CancellationToken.None));
        var stopped = await WaitForFinishAsync(app, run.Id);

        Assert.Equal(JobRunStatus.Cancelled, stopped.Status);
        Assert.Contains("nothing half-done was committed", stopped.Summary);
        var history = await queries.ExecuteAsync("DESCRIBE HISTORY s.big", new QueryRequest("ana"));
        Assert.Equal(3, history[0].Rows.Count);
    }

    [Fact]
    public async Task Scheduling_needs_the_privileges_the_job_uses_and_only_its_owner_or_an_admin_changes_it()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        _ = app.Server;
        var queries = app.Services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t (id BIGINT); INSERT INTO s.t VALUES (1);", new QueryRequest(AccountsApp.AdminName));
        var scheduler = app.Services.GetRequiredService<JobScheduler>();

        var refused = await Assert.ThrowsAsync<PermissionDeniedException>(() => scheduler.CreateAsync(NightlyOptimize, "mallory", CancellationToken.None));
        var job = await scheduler.CreateAsync(NightlyOptimize, AccountsApp.AdminName, CancellationToken.None);
        var notYours = await Assert.ThrowsAsync<PermissionDeniedException>(() => scheduler.PauseAsync(job.Id, "mallory", CancellationToken.None));
        var lakehouseWide = await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            scheduler.CreateAsync(new JobDraft("drift", JobKind.CatalogDrift, null, "0 4 * * *"), "mallory", CancellationToken.None));
        await queries.ExecuteAsync("GRANT MODIFY ON TABLE s.t TO mallory", new QueryRequest(AccountsApp.AdminName));
        var own = await scheduler.CreateAsync(NightlyOptimize with { Name = "mine" }, "mallory", CancellationToken.None);

        Assert.Contains("needs MODIFY on table main.s.t", refused.Message);
        Assert.Contains($"belongs to {AccountsApp.AdminName}", notYours.Message);
        Assert.Contains("only an administrator", lakehouseWide.Message);
        Assert.False((await app.Services.GetRequiredService<JobDefinitionStore>().FindAsync(job.Id))!.IsPaused);
        Assert.Equal("mallory", own.Owner);
        Assert.True((await scheduler.PauseAsync(own.Id, AccountsApp.AdminName, CancellationToken.None)).IsPaused);
    }

    [Fact]
    public async Task Hangfires_dashboard_opens_for_administrators_only()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        await app.Services.GetRequiredService<AccountDirectory>().CreateAsync("viewer1", AccountsApp.AdminPassword, CancellationToken.None);
        using var admin = app.Browser();
        using var other = app.Browser();
        using var anonymous = app.Browser();
        (await admin.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword)).Dispose();
        (await other.SignInAsync("viewer1", AccountsApp.AdminPassword)).Dispose();

        using var asAdmin = await admin.GetAsync("/admin/hangfire");
        using var asOther = await other.GetAsync("/admin/hangfire");
        using var asNobody = await anonymous.GetAsync("/admin/hangfire");

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("NeuroLake jobs (Hangfire)", await asAdmin.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, asOther.StatusCode);
        Assert.DoesNotContain("NeuroLake jobs (Hangfire)", await asOther.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, asNobody.StatusCode);
    }

    private static async Task RecurringJobLifecycle(IReadOnlyDictionary<string, string> settings)
    {
        await using var app = new WorkbenchAppFactory(settings);
        _ = app.Server;
        await CreateTableAsync(app);
        var scheduler = app.Services.GetRequiredService<JobScheduler>();
        var storage = app.Services.GetRequiredService<JobStorage>();

        var job = await scheduler.CreateAsync(NightlyOptimize, "ana", CancellationToken.None);
        var recurringId = JobScheduler.RecurringId(job.Id);
        var scheduled = Recurring(storage, recurringId);
        Assert.Equal(("0 2 * * *", JobQueues.Maintenance), (scheduled!.Cron, scheduled.Job.Queue));
        Assert.NotNull(scheduled.NextExecution);

        await scheduler.PauseAsync(job.Id, "ana", CancellationToken.None);
        Assert.Null(Recurring(storage, recurringId));

        await scheduler.ResumeAsync(job.Id, "ana", CancellationToken.None);
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(recurringId);
        var run = await WaitForFinishAsync(app, null, job.Id);

        Assert.Equal((JobRunStatus.Succeeded, "schedule"), (run.Status, run.TriggeredBy));
        Assert.StartsWith("OPTIMIZE committed version 4", run.Summary);
    }

    private static RecurringJobDto? Recurring(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().FirstOrDefault(j => j.Id == id);
    }

    private static async Task CreateTableAsync(WorkbenchAppFactory app) =>
        await app.Services.GetRequiredService<QueryService>().ExecuteAsync("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT);
            INSERT INTO s.t VALUES (1);
            INSERT INTO s.t VALUES (2);
            INSERT INTO s.t VALUES (3);
            """, new QueryRequest("ana"));

    private static async Task<JobRun> WaitForFinishAsync(WorkbenchAppFactory app, Guid? runId, Guid? definitionId = null)
    {
        var runs = app.Services.GetRequiredService<JobRunStore>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var page = await runs.SearchAsync(new JobRunQuery(DefinitionId: definitionId), timeout.Token);
            var run = page.Runs.FirstOrDefault(r => runId is null || r.Id == runId);
            if (run is { IsFinished: true })
            {
                return run;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
