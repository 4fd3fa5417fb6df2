using Microsoft.Extensions.DependencyInjection;
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
}
