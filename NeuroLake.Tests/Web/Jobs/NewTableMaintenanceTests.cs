using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Web.Security;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Jobs;

/// <summary>The default maintenance policy of Admin → Settings ("New tables") and the jobs it gives new tables.</summary>
public sealed class NewTableMaintenanceTests
{
    private static readonly Dictionary<string, string> AsIda = new() { ["NeuroLake:User"] = "ida" };

    [Fact]
    public async Task While_the_policy_is_off_a_new_table_gets_no_job()
    {
        await using var app = new WorkbenchAppFactory(AsIda);
        _ = app.Server;

        await app.Services.GetRequiredService<QueryService>().ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS x", new QueryRequest("ida"));

        Assert.False(app.Services.GetRequiredService<SettingsStore>().Current.NewTables.Enabled);
        Assert.Empty(await app.Services.GetRequiredService<JobDefinitionStore>().ListAsync(SecurablePath.ForTable("main", "s", "t")));
    }

    [Fact]
    public async Task When_on_a_table_created_as_select_and_an_ingested_table_get_a_job_with_the_cron_while_existing_tables_do_not()
    {
        await using var app = new WorkbenchAppFactory(AsIda);
        _ = app.Server;
        var queries = app.Services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync("CREATE SCHEMA s; CREATE TABLE s.before AS SELECT 1 AS x", new QueryRequest("ida"));
        var settings = app.Services.GetRequiredService<SettingsStore>();
        await settings.SaveAsync(settings.Current with { NewTableMaintenance = new NewTableMaintenance(true, "15 4 * * 1-5", Optimize: true, Vacuum: true, VacuumRetainHours: 240) }, "root");

        await queries.ExecuteAsync("CREATE TABLE s.ctas AS SELECT range AS x FROM range(3)", new QueryRequest("ida"));
        using var client = app.CreateClient();
        using (var loaded = await client.PostAsync("/api/v1/ingest?table=s.loaded&mode=create&filename=rows.csv", SecurityApi.Csv(3)))
        {
            Assert.True(loaded.IsSuccessStatusCode, await loaded.Content.ReadAsStringAsync());
        }

        var definitions = app.Services.GetRequiredService<JobDefinitionStore>();
        var ctas = Assert.Single(await definitions.ListAsync(SecurablePath.ForTable("main", "s", "ctas")));
        var loadedJob = Assert.Single(await definitions.ListAsync(SecurablePath.ForTable("main", "s", "loaded")));
        Assert.Empty(await definitions.ListAsync(SecurablePath.ForTable("main", "s", "before")));
        foreach (var job in new[] { ctas, loadedJob })
        {
            Assert.Equal((JobKind.TableMaintenance, "15 4 * * 1-5", "UTC", "ida", false), (job.Kind, job.Cron, job.TimeZone, job.Owner, job.IsPaused));
            Assert.Equal(new MaintenanceSettings(Optimize: true, Vacuum: true, VacuumRetainHours: 240), job.Maintenance! with { ZOrderBy = null });
        }

        Assert.Equal("Maintenance of s.ctas", ctas.Name);
        Assert.Contains(JobScheduler.RecurringId(ctas.Id), CleanupJobsTests.RecurringIds(app));
    }

    [Fact]
    public async Task An_invalid_cron_for_new_tables_is_refused_with_a_message_and_nothing_is_saved()
    {
        await using var app = new WorkbenchAppFactory();
        _ = app.Server;
        var settings = app.Services.GetRequiredService<SettingsStore>();
        var before = settings.Current;

        var refused = await Assert.ThrowsAsync<SettingsException>(() =>
            settings.SaveAsync(before with { RowLimit = 77, NewTableMaintenance = new NewTableMaintenance(true, "61 * * * *") }, "root"));

        Assert.StartsWith("New-table maintenance schedule: '61 * * * *' is not a valid cron expression", Assert.Single(refused.Problems));
        Assert.Equal(before, settings.Current);
        Assert.Equal(before, await settings.LoadAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Settings.ToListAsync());
    }
}
