using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web;
using NeuroLake.Tests.Web.Jobs;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Metering;

/// <summary>Metering as the real app wires it: the SQL service meters statements, the system job measures storage.</summary>
public sealed class MeteringInAppTests
{
    [Fact]
    public async Task The_app_meters_a_statement_and_its_storage_metering_system_job_measures_the_table()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        var queries = app.Services.GetRequiredService<QueryService>();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await queries.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT range AS id FROM range(1000); SELECT sum(id) FROM s.t", new QueryRequest("ana"));

        var run = await app.Services.GetRequiredService<JobScheduler>().RunNowAsync(SystemJobs.StorageMeteringId, "ana", CancellationToken.None);
        var finished = await CleanupJobsTests.WaitForFinishAsync(app, run.Id);

        Assert.Equal(JobRunStatus.Succeeded, finished.Status);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stored = await app.Services.GetRequiredService<StorageDayStore>().ListAsync(today, today);
        var (bytes, files) = TableFiles.Data(Path.Combine(app.DataDirectory, "warehouse", "main", "s", "t"));
        Assert.Equal([new StorageDay(today, "main.s.t", StorageTier.Hot, bytes, files, 0, 0)], stored);
        var work = await app.Services.GetRequiredService<MeteredWorkStore>().ListAsync(before, DateTimeOffset.UtcNow.AddMinutes(1));
        var query = work.Single(w => w.Kind == "Query");
        Assert.Equal(("ana", bytes, files), (query.User, query.BytesScanned, query.FilesScanned));
        var jobRun = work.Single(w => w.Source == WorkSource.JobRun);
        Assert.Equal((SystemJobs.Owner, WorkloadClass.Maintenance, "StorageMetering", (Guid?)run.Id), (jobRun.User, jobRun.Workload, jobRun.Kind, jobRun.JobRunId));
    }

    [Fact]
    public async Task A_file_load_outside_sql_is_metered_as_ingestion_with_the_bytes_of_its_file()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        await app.Services.GetRequiredService<QueryService>().ExecuteAsync("CREATE SCHEMA s", new QueryRequest("ana"));
        var file = Path.Combine(app.DataDirectory, "people.csv");
        await File.WriteAllTextAsync(file, "id,name\n1,ada\n2,grace\n");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        await app.Services.GetRequiredService<FileIngestion>().IngestAsync(
            new FileIngestionRequest(file, await SourceFileInfo.ComputeAsync(file), SecurablePath.ForTable("main", "s", "people"), LoadMode.NewTable) { User = "bo" });

        var load = (await app.Services.GetRequiredService<MeteredWorkStore>().ListAsync(before, DateTimeOffset.UtcNow.AddMinutes(1)))
            .Single(w => w.Source == WorkSource.Ingestion);
        Assert.Equal(("bo", WorkloadClass.Ingestion, "FileIngestion", "Ok"), (load.User, load.Workload, load.Kind, load.Outcome));
        Assert.Equal((new FileInfo(file).Length, 1L), (load.BytesScanned, load.FilesScanned));
        Assert.Equal([new TableScan("main.s.people", 0, 0, Written: true)], load.Tables);
        Assert.True(load.Wall > TimeSpan.Zero);
    }
}
