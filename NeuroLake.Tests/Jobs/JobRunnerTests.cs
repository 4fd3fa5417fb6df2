using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Jobs;

/// <summary>Job runs over a real query service, catalog and DuckDB: what they commit, skip, cancel and report.</summary>
public sealed class JobRunnerTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private static readonly SecurablePath Table = SecurablePath.ForTable("main", "s", "t");

    private DuckDbDatabase? _duckDb;
    private JobDefinitionStore _definitions = null!;
    private JobRunStore _runs = null!;
    private RunningJobs _running = null!;
    private JobRunner _runner = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        var factory = Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        _definitions = new JobDefinitionStore(factory, TimeProvider.System);
        _runs = new JobRunStore(factory, TimeProvider.System);
        _running = new RunningJobs();
        var quality = Services.GetRequiredService<QualityStore>();
        _runner = new JobRunner(
            _definitions, _runs, _running,
            new TableMaintenanceJob(Catalog, Service, _duckDb),
            new QualityReprofileJob(Catalog, quality, _duckDb, TimeProvider.System),
            new CatalogDriftJob(null!, null!, Warehouse),
            new PipelineJob(Services.GetRequiredService<PipelineRegistry>(), Services.GetRequiredService<PatternLibrary>(), Service),
            TimeProvider.System,
            NullLogger<JobRunner>.Instance);
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT, v VARCHAR);
            INSERT INTO s.t VALUES (1, 'a'), (2, 'b');
            INSERT INTO s.t VALUES (3, 'c');
            INSERT INTO s.t VALUES (4, 'd');
            """);
    }

    public override async Task DisposeAsync()
    {
        _duckDb?.Dispose();
        await base.DisposeAsync();
    }

    private async Task<JobRun> QueueAsync(JobDraft draft, string owner = "ana")
    {
        var job = await _definitions.CreateAsync(draft, owner);
        return await _runs.QueueAsync(job.Kind, job.Table, job.Id, "test");
    }

    private static JobDraft Maintenance(MaintenanceSettings settings) => new("maintain s.t", JobKind.TableMaintenance, Table, "0 2 * * *", "UTC", settings);

    [Fact]
    public async Task A_maintenance_run_commits_optimize_as_its_owner_and_records_what_it_did()
    {
        var run = await QueueAsync(Maintenance(new MaintenanceSettings(ZOrderBy: ["id"])));

        var status = await _runner.RunAsync(run.Id, CancellationToken.None);

        var done = (await _runs.FindAsync(run.Id))!;
        Assert.Equal(JobRunStatus.Succeeded, status);
        Assert.Equal((JobRunStatus.Succeeded, 1.0), (done.Status, done.Progress));
        Assert.StartsWith("OPTIMIZE committed version 4", done.Summary);
        Assert.Contains("numFilesRemoved 3", done.Summary);
        var history = await Rows("DESCRIBE HISTORY s.t");
        Assert.Equal("OPTIMIZE", history[0][2]);
        Assert.Equal([[1L], [2L], [3L], [4L]], await Rows("SELECT id FROM s.t ORDER BY id"));
    }

    [Fact]
    public async Task A_run_below_its_small_file_threshold_is_skipped_and_commits_nothing()
    {
        var run = await QueueAsync(Maintenance(new MaintenanceSettings(MinSmallFiles: 3)));

        var status = await _runner.RunAsync(run.Id, CancellationToken.None);

        Assert.Equal(JobRunStatus.Skipped, status);
        Assert.Contains("3 small file(s), not more than the threshold of 3", (await _runs.FindAsync(run.Id))!.Summary);
        Assert.Equal("WRITE", (await Rows("DESCRIBE HISTORY s.t"))[0][2]);
    }

    [Fact]
    public async Task A_run_against_a_dropped_table_fails_saying_what_to_do()
    {
        var run = await QueueAsync(Maintenance(new MaintenanceSettings()));
        await Run("DROP TABLE s.t");

        var status = await _runner.RunAsync(run.Id, CancellationToken.None);

        Assert.Equal(JobRunStatus.Failed, status);
        Assert.Equal("The table main.s.t no longer exists: delete or change this job.", (await _runs.FindAsync(run.Id))!.Error);
    }

    [Fact]
    public async Task Cancelling_a_long_optimize_stops_it_and_leaves_the_table_at_its_last_version()
    {
        await Run("""
            CREATE TABLE s.big AS SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            INSERT INTO s.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            INSERT INTO s.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            INSERT INTO s.big SELECT range AS x, md5(range::VARCHAR) AS h FROM range(1500000);
            """);
        var before = await Rows("DESCRIBE HISTORY s.big");
        var run = await QueueAsync(new JobDraft("z-order big", JobKind.TableMaintenance, SecurablePath.ForTable("main", "s", "big"), "0 2 * * *",
            Maintenance: new MaintenanceSettings(ZOrderBy: ["h", "x"])));

        var running = _runner.RunAsync(run.Id, CancellationToken.None);
        // Progress reaches the history row once OPTIMIZE has run for half a second: cancel mid-statement.
        while (!running.IsCompleted && (await _runs.FindAsync(run.Id))!.Step is var step && !step.StartsWith("OPTIMIZE: writing", StringComparison.Ordinal))
        {
            await Task.Delay(20);
        }

        Assert.True(_running.Cancel(run.Id));
        var status = await running;

        var stopped = (await _runs.FindAsync(run.Id))!;
        Assert.Equal(JobRunStatus.Cancelled, status);
        Assert.Equal(JobRunStatus.Cancelled, stopped.Status);
        Assert.Contains("nothing half-done was committed", stopped.Summary);
        Assert.Equal(before.Count, (await Rows("DESCRIBE HISTORY s.big")).Count);
        Assert.Equal([[6_000_000L]], await Rows("SELECT count(*) FROM s.big"));
    }

    [Fact]
    public async Task A_reprofile_run_adds_the_latest_version_to_the_quality_history()
    {
        await Run("DELETE FROM s.t WHERE id = 4");
        var run = await QueueAsync(new JobDraft("profile s.t", JobKind.QualityReprofile, Table, "0 3 * * *"));

        var status = await _runner.RunAsync(run.Id, CancellationToken.None);

        var measured = await Services.GetRequiredService<QualityStore>().QueryAsync(Table, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        var tableRow = Assert.Single(measured, m => m.Column is null);
        Assert.Equal(JobRunStatus.Succeeded, status);
        Assert.Equal((4L, 3L), (tableRow.TableVersion, tableRow.RowCount));
    }

    [Fact]
    public async Task A_run_cancelled_while_queued_does_not_start()
    {
        var run = await QueueAsync(Maintenance(new MaintenanceSettings()));
        await _runs.FinishAsync(run.Id, JobRunStatus.Cancelled, "waiting for a worker", "Cancelled before it started.", null);

        var status = await _runner.RunAsync(run.Id, CancellationToken.None);

        Assert.Equal(JobRunStatus.Cancelled, status);
        Assert.Equal("WRITE", (await Rows("DESCRIBE HISTORY s.t"))[0][2]);
    }
}
