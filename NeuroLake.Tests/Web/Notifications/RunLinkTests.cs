using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>Where a notification links: the Jobs page showing the failed run alone.</summary>
public sealed class RunLinkTests
{
    [Fact]
    public async Task The_run_link_opens_the_jobs_page_with_that_run_and_its_error_only()
    {
        await using var app = new WorkbenchAppFactory();
        var client = app.CreateClient();
        var services = app.Services;
        var job = await services.GetRequiredService<JobDefinitionStore>().CreateAsync(
            new JobDraft("profile missing", JobKind.QualityReprofile, SecurablePath.ForTable("main", "s", "missing"), "0 3 * * *", "UTC"), "ana");
        var runs = services.GetRequiredService<JobRunStore>();
        var failed = await runs.QueueAsync(job.Kind, job.Table, job.Id, "ana");
        await services.GetRequiredService<JobRunner>().RunAsync(failed.Id, CancellationToken.None);
        await runs.QueueAsync(job.Kind, job.Table, job.Id, "ana");

        var html = await client.GetStringAsync($"/jobs?run={failed.Id}");
        var gone = await client.GetStringAsync($"/jobs?run={Guid.NewGuid()}");

        Assert.Contains("Showing one run.", html);
        Assert.Contains("The table main.s.missing no longer exists: delete or change this job.", html);
        // The history table holds its header row and the failed run's row; the other (queued) run is not listed.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html[html.IndexOf("Job runs", StringComparison.Ordinal)..], "<tr"));
        Assert.Contains("That run is no longer in the history", gone);
    }
}
