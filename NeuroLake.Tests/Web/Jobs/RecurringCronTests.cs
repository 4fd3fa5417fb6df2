using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Jobs;

/// <summary>
/// A recurring maintenance job fires on its own cron, with nobody triggering it. Cron has minutes as its finest field,
/// so each test waits for the next whole minute (at most about 65 seconds, with the scheduler polling every second).
/// </summary>
public sealed class RecurringCronTests
{
    [Fact]
    public Task A_maintenance_job_fires_on_its_cron_and_commits_optimize_on_sqlite() => FiresOnItsCron(new Dictionary<string, string>());

    [PostgresFact]
    public Task A_maintenance_job_fires_on_its_cron_and_commits_optimize_on_postgres() => PostgresCatalogSettings.RunAsync("neurolake_cron", FiresOnItsCron);

    private static async Task FiresOnItsCron(IReadOnlyDictionary<string, string> catalog)
    {
        var settings = new Dictionary<string, string>(catalog) { ["NeuroLake:Jobs:SchedulePollingInterval"] = "00:00:01" };
        await using var app = new WorkbenchAppFactory(settings);
        _ = app.Server;
        var queries = app.Services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (id BIGINT);
            INSERT INTO s.t VALUES (1);
            INSERT INTO s.t VALUES (2);
            """, new QueryRequest("ana"));
        var job = await app.Services.GetRequiredService<JobScheduler>().CreateAsync(
            new JobDraft("every minute", JobKind.TableMaintenance, SecurablePath.ForTable("main", "s", "t"), "* * * * *", "UTC", new MaintenanceSettings()),
            "ana", CancellationToken.None);

        var run = await FirstFinishedRunAsync(app, job.Id, TimeSpan.FromSeconds(150));

        Assert.Equal((JobRunStatus.Succeeded, "schedule"), (run.Status, run.TriggeredBy));
        Assert.StartsWith("OPTIMIZE committed version 3", run.Summary);
        var history = await queries.ExecuteAsync("DESCRIBE HISTORY s.t", new QueryRequest("ana"));
        Assert.Equal("OPTIMIZE", history[0].Rows[0][history[0].Columns.ToList().FindIndex(c => c.Name == "operation")]);
    }

    private static async Task<JobRun> FirstFinishedRunAsync(WorkbenchAppFactory app, Guid definitionId, TimeSpan limit)
    {
        var runs = app.Services.GetRequiredService<JobRunStore>();
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var page = await runs.SearchAsync(new JobRunQuery(DefinitionId: definitionId), timeout.Token);
            if (page.Runs.LastOrDefault(r => r.IsFinished) is { } run)
            {
                return run;
            }

            await Task.Delay(250, timeout.Token);
        }
    }
}
