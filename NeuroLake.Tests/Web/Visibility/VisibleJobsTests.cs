using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Tests.Web.Visibility;

/// <summary>
/// A job names its table (in its name, its table column, its runs' steps and errors), so the Jobs page and
/// <c>/api/v1/jobs</c> show an analyst only the jobs and runs of tables they may SELECT; an administrator sees all.
/// </summary>
public sealed class VisibleJobsTests(GrantedSchemaApp fixture) : IClassFixture<GrantedSchemaApp>
{
    private const string Analyst = GrantedSchemaApp.Analyst;
    private const string Admin = AccountsApp.AdminName;

    [Fact]
    public async Task An_analyst_sees_the_jobs_and_runs_of_granted_tables_only_and_an_administrator_all()
    {
        var (readable, hidden) = await JobsAsync();
        var analyst = await fixture.SignedInAsync(Analyst);
        var admin = await fixture.SignedInAsync(Admin);

        var analystJobs = await Names(analyst, "/api/v1/jobs");
        var adminJobs = await Names(admin, "/api/v1/jobs");
        var analystRuns = await RunTables(analyst, "/api/v1/jobs/runs");
        var adminRuns = await RunTables(admin, "/api/v1/jobs/runs");

        Assert.Contains(readable.Name, analystJobs);
        Assert.DoesNotContain(hidden.Name, analystJobs);
        Assert.Contains(hidden.Name, adminJobs);
        Assert.Contains("main.sales.orders", analystRuns);
        Assert.DoesNotContain("main.vault.codes", analystRuns);
        Assert.Contains("main.vault.codes", adminRuns);
        Assert.Empty(await RunTables(analyst, "/api/v1/jobs/runs?table=main.vault.codes"));
        var page = await fixture.PageAsync(Analyst, "/jobs");
        Assert.Contains(readable.Name, page);
        Assert.DoesNotContain(hidden.Name, page);
        Assert.DoesNotContain("vault", page);
        Assert.Contains(hidden.Name, await fixture.PageAsync(Admin, "/jobs"));
    }

    [Fact]
    public async Task Asking_for_a_hidden_job_or_run_by_id_answers_404_as_for_a_missing_one()
    {
        var (_, hidden) = await JobsAsync();
        var run = await fixture.App.Services.GetRequiredService<JobRunStore>().QueueAsync(hidden.Kind, hidden.Table, hidden.Id, Admin);
        var analyst = await fixture.SignedInAsync(Analyst);
        var admin = await fixture.SignedInAsync(Admin);

        using var job = await analyst.GetAsync($"/api/v1/jobs/{hidden.Id}");
        using var missing = await analyst.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}");
        using var runOfHidden = await analyst.GetAsync($"/api/v1/jobs/runs/{run.Id}");
        using var asAdmin = await admin.GetAsync($"/api/v1/jobs/{hidden.Id}");
        using var runAsAdmin = await admin.GetAsync($"/api/v1/jobs/runs/{run.Id}");

        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal(Detail(await missing.Content.ReadAsStringAsync()), Detail(await job.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("vault", await job.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, runOfHidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, runAsAdmin.StatusCode);
    }

    /// <summary>A job on a table the analyst may read and one on a table they may not, each with a queued run.</summary>
    private async Task<(JobDefinition Readable, JobDefinition Hidden)> JobsAsync()
    {
        var scheduler = fixture.App.Services.GetRequiredService<JobScheduler>();
        var runs = fixture.App.Services.GetRequiredService<JobRunStore>();
        var readable = await scheduler.CreateAsync(Draft("orders_" + CatalogTestData.Unique("job"), "sales.orders"), Admin, CancellationToken.None);
        var hidden = await scheduler.CreateAsync(Draft("vault_codes_" + CatalogTestData.Unique("job"), "vault.codes"), Admin, CancellationToken.None);
        await scheduler.PauseAsync(readable.Id, Admin, CancellationToken.None);
        await scheduler.PauseAsync(hidden.Id, Admin, CancellationToken.None);
        await runs.QueueAsync(readable.Kind, readable.Table, readable.Id, Admin);
        await runs.QueueAsync(hidden.Kind, hidden.Table, hidden.Id, Admin);
        return (readable, hidden);
    }

    private static string? Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString();

    private static JobDraft Draft(string name, string table) =>
        new(name, JobKind.TableMaintenance, SecurablePath.Parse("main." + table), "0 2 * * *", "UTC", new MaintenanceSettings());

    private static async Task<List<string>> Names(HttpClient browser, string url) =>
        (await browser.GetFromJsonAsync<JsonElement[]>(url) ?? []).Select(j => j.GetProperty("name").GetString()!).ToList();

    private static async Task<List<string?>> RunTables(HttpClient browser, string url) =>
        (await browser.GetFromJsonAsync<JsonElement>(url)).GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("table").GetString()).ToList();
}
