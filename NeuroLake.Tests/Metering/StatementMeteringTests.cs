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
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Metering;

/// <summary>Statements and job runs through the real query service and job runner, metered into a real catalog.</summary>
public sealed class StatementMeteringTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private MeteredWorkStore? _store;

    private MeteredWorkStore Store => _store!;

    protected override MeteredWorkStore? MeteringForService(IServiceProvider services) =>
        _store = new MeteredWorkStore(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>());

    public override async Task DisposeAsync()
    {
        await (_store?.DisposeAsync() ?? ValueTask.CompletedTask);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_query_records_its_user_cpu_wall_time_and_the_bytes_of_the_files_it_read()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.big AS SELECT range AS id, md5(CAST(range AS VARCHAR)) AS h FROM range(1500000);
            """);
        await Run("SELECT count(DISTINCT h), sum(id) FROM s.big");
        await Fails("SELECT no_such_column FROM s.big");

        var work = await Store.ListAsync(before, DateTimeOffset.UtcNow.AddMinutes(1));

        var (bytes, files) = TableFiles.Data(Path.Combine(Warehouse, "main", "s", "big"));
        Assert.True(files > 0);
        Assert.Equal(["CreateSchema", "CreateTableAsSelect", "Query", "Query"], work.Select(w => w.Kind));
        Assert.All(work, w => Assert.Equal(("ana", WorkloadClass.InteractiveQuery, WorkSource.Statement, (Guid?)null), (w.User, w.Workload, w.Source, w.JobRunId)));
        var ctas = work[1];
        Assert.Equal([new TableScan("main.s.big", 0, 0, Written: true)], ctas.Tables);
        var query = work[2];
        Assert.Equal("Ok", query.Outcome);
        Assert.True(query.Cpu > TimeSpan.Zero, "a query hashing 1.5 million strings uses CPU");
        Assert.True(query.Wall > TimeSpan.Zero);
        Assert.Equal((bytes, files), (query.BytesScanned, query.FilesScanned));
        Assert.Equal([new TableScan("main.s.big", bytes, files)], query.Tables);
        Assert.Equal("Error", work[3].Outcome);
    }

    [Fact]
    public async Task DuckDBs_profiler_gives_each_statement_the_memory_it_allocated_and_its_own_cpu_time()
    {
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.big AS SELECT range AS id, md5(CAST(range AS VARCHAR)) AS h FROM range(1500000);
            """);
        var before = DateTimeOffset.UtcNow;

        await Run("SELECT count(DISTINCT h) FROM s.big");
        await Run("SELECT 1");

        var work = await Store.ListAsync(before, DateTimeOffset.UtcNow.AddMinutes(1));
        var (distinct, constant) = (work[0], work[1]);
        // A distinct count of 1.5 million 32-character strings holds tens of megabytes in DuckDB's buffers.
        Assert.True(distinct.MemoryAllocatedBytes > 10_000_000, $"allocated {distinct.MemoryAllocatedBytes}");
        Assert.True(distinct.DuckDbCpu > TimeSpan.FromMilliseconds(10), $"cpu {distinct.DuckDbCpu}");
        Assert.Equal(0, constant.MemoryAllocatedBytes);
        Assert.True(constant.DuckDbCpu < distinct.DuckDbCpu);
    }

    [Fact]
    public async Task Reading_two_versions_of_a_table_counts_the_bytes_of_each()
    {
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT);
            INSERT INTO s.t VALUES (1), (2);
            INSERT INTO s.t VALUES (3);
            """);
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        var table = TableFolder.Open(Path.Combine(Warehouse, "main", "s", "t"), duckDb);
        var v1 = (await table.GetSnapshotAsync(1)).SizeInBytes;
        var v2 = (await table.GetSnapshotAsync(2)).SizeInBytes;
        var before = DateTimeOffset.UtcNow;

        await Run("SELECT * FROM s.t VERSION AS OF 1 UNION ALL SELECT * FROM s.t UNION ALL SELECT * FROM s.t");

        var query = (await Store.ListAsync(before, DateTimeOffset.UtcNow.AddMinutes(1))).Single();
        Assert.Equal((v1 + v2, 3L), (query.BytesScanned, query.FilesScanned));
    }

    [Fact]
    public async Task A_job_run_is_metered_under_its_workload_class_and_its_statements_carry_its_run_id()
    {
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT, v VARCHAR);
            INSERT INTO s.t VALUES (1, 'a');
            INSERT INTO s.t VALUES (2, 'b');
            INSERT INTO s.t VALUES (3, 'c');
            """);
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });
        var factory = Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        var definitions = new JobDefinitionStore(factory, TimeProvider.System);
        var runs = new JobRunStore(factory, TimeProvider.System);
        var runner = new JobRunner(
            definitions, runs, new RunningJobs(),
            new TableMaintenanceJob(Catalog, Service, duckDb),
            new QualityReprofileJob(Catalog, Services.GetRequiredService<QualityStore>(), duckDb, TimeProvider.System),
            new CatalogDriftJob(null!, null!, Warehouse),
            new PipelineJob(Services.GetRequiredService<PipelineRegistry>(), Services.GetRequiredService<PatternLibrary>(), Service),
            TimeProvider.System, NullLogger<JobRunner>.Instance,
            metering: new JobMetering(Store, NullLogger<JobMetering>.Instance));
        var job = await definitions.CreateAsync(
            new JobDraft("maintain s.t", JobKind.TableMaintenance, SecurablePath.ForTable("main", "s", "t"), "0 2 * * *", "UTC", new MaintenanceSettings(ZOrderBy: ["id"])), "bo");
        var run = await runs.QueueAsync(job.Kind, job.Table, job.Id, "test");
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(JobRunStatus.Succeeded, await runner.RunAsync(run.Id, CancellationToken.None));

        var work = await Store.ListAsync(before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        var own = work.Single(w => w.Source == WorkSource.JobRun);
        Assert.Equal(("bo", WorkloadClass.Maintenance, "TableMaintenance", "Succeeded", (Guid?)run.Id), (own.User, own.Workload, own.Kind, own.Outcome, own.JobRunId));
        Assert.Equal([new TableScan("main.s.t", 0, 0)], own.Tables);
        var statements = work.Where(w => w.Source == WorkSource.Statement && w.StartedAt >= before).ToList();
        Assert.Contains(statements, s => s.Kind == "Optimize");
        Assert.All(statements, s => Assert.Equal(("bo", WorkloadClass.Maintenance, (Guid?)run.Id), (s.User, s.Workload, s.JobRunId)));
        Assert.True(own.Wall >= statements.Max(s => s.Wall), "the run's wall time spans its statements");
    }

}
