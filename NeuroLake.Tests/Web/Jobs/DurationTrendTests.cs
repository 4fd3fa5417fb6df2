using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Jobs;
using NeuroLake.Tests.Jobs;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Jobs;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Tests.Web.Jobs;

/// <summary>A recurring job's duration trend: the store's query and the Jobs page's chart, over a real catalog.</summary>
public sealed class DurationTrendTests : MudComponentTest
{
    private readonly WorkbenchAppFactory _app = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    public DurationTrendTests()
    {
        _ = _app.Server;
        // Runs placed minutes apart and lasting whole seconds, on the app's real catalog.
        Runs = new JobRunStore(_app.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), _clock);
        Context.Services.AddSingleton(Runs);
        Context.Services.AddSingleton(new UserClock());
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private JobRunStore Runs { get; }

    [Fact]
    public async Task The_durations_are_the_newest_finished_runs_that_started_oldest_first_and_bounded()
    {
        var job = await CreateJobAsync();
        var other = await CreateJobAsync("other");
        var first = await FinishedRunAsync(job, JobRunStatus.Succeeded);
        var second = await FinishedRunAsync(job, JobRunStatus.Failed);
        var third = await FinishedRunAsync(job, JobRunStatus.Skipped);
        await FinishedRunAsync(other, JobRunStatus.Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var running = await Runs.QueueAsync(job.Kind, job.Table, job.Id, "ana");
        await Runs.StartAsync(running.Id);
        var cancelledWhileQueued = await Runs.QueueAsync(job.Kind, job.Table, job.Id, "ana");
        await Runs.FinishAsync(cancelledWhileQueued.Id, JobRunStatus.Cancelled, "waiting", "Cancelled before it started.", null);

        var all = await Runs.DurationsAsync(job.Id);
        var newestTwo = await Runs.DurationsAsync(job.Id, 2);

        Assert.Equal(
            [(first, JobRunStatus.Succeeded), (second, JobRunStatus.Failed), (third, JobRunStatus.Skipped)],
            all.Select(r => (r.RunId, r.Status)));
        Assert.All(all, r => Assert.Equal(TimeSpan.FromSeconds(42), r.Duration));
        Assert.Equal([second, third], newestTwo.Select(r => r.RunId));
        await Assert.ThrowsAsync<JobException>(() => Runs.DurationsAsync(job.Id, 0));
        await Assert.ThrowsAsync<JobException>(() => Runs.DurationsAsync(job.Id, JobRunStore.MaxDurations + 1));
    }

    [Fact]
    public async Task With_fewer_than_two_finished_runs_the_trend_says_so_and_with_two_the_chart_is_drawn()
    {
        var job = await CreateJobAsync("<b>nightly</b>");
        await FinishedRunAsync(job, JobRunStatus.Succeeded);

        var one = Render<DurationTrend>(p => p.Add(t => t.Job, job));

        Assert.Equal(
            "Only one finished run so far: the trend appears once the job has finished at least 2 runs.",
            one.Find("[data-testid=duration-trend-empty]").TextContent.Trim());
        Assert.Empty(one.FindAll("[data-testid=duration-trend-chart]"));
        Assert.Equal("Duration trend of <b>nightly</b>", one.Find("section").GetAttribute("aria-label"));

        await FinishedRunAsync(job, JobRunStatus.Failed);
        var two = Render<DurationTrend>(p => p.Add(t => t.Job, job));

        two.WaitForAssertion(() => Assert.Single(two.FindAll("[data-testid=duration-trend-chart]")));
        Assert.Empty(two.FindAll("[data-testid=duration-trend-empty]"));
        Assert.Contains("The last 2 finished runs", two.Markup);
        Assert.Contains(Context.JSInterop.Invocations, i =>
            i.Identifier == "import" && Equals(i.Arguments[0], "./Components/Pages/Jobs/DurationTrendChart.razor.js"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private async Task<JobDefinition> CreateJobAsync(string name = "nightly") =>
        await _app.Services.GetRequiredService<JobDefinitionStore>().CreateAsync(
            new JobDraft(name, JobKind.TableMaintenance, SecurablePath.ForTable("main", "s", "t"), "0 2 * * *", "UTC", new MaintenanceSettings()), "ana");

    private async Task<Guid> FinishedRunAsync(JobDefinition job, JobRunStatus status)
    {
        _clock.Advance(TimeSpan.FromMinutes(10));
        var run = await Runs.QueueAsync(job.Kind, job.Table, job.Id, "schedule");
        await Runs.StartAsync(run.Id);
        _clock.Advance(TimeSpan.FromSeconds(42));
        await Runs.FinishAsync(run.Id, status, "done", "ok", status == JobRunStatus.Failed ? "boom" : null);
        return run.Id;
    }
}
