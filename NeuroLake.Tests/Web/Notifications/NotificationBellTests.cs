using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Layout;
using NeuroLake.Web.Components.Shared;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Notifications;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>The app bar's bell rendered by bUnit over the real app's notification store, as the failed job's owner.</summary>
public sealed class NotificationBellTests : MudComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly WorkbenchAppFactory _app = new();

    public NotificationBellTests()
    {
        Context.Services.AddSingleton(_app.Services.GetRequiredService<NotificationStore>());
        Context.Services.AddSingleton(_app.Services.GetRequiredService<PrivilegeEvaluator>());
        Context.Services.AddSingleton<IWorkbenchUser>(new NamedUser("ana"));
        Context.Services.AddScoped<NotificationInbox>();
        Context.Services.AddScoped<UserClock>();
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Error_text_with_markup_is_shown_as_text_and_mark_read_clears_the_badge()
    {
        const string error = "<img src=x onerror=alert(1)>";
        await FailAsync(error);
        var providers = RenderProviders();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", Button(bell).GetAttribute("aria-label")), Patience);

        Button(bell).Click();

        providers.WaitForAssertion(() => Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", providers.Markup), Patience);
        Assert.Empty(providers.FindAll("img"));
        Assert.DoesNotContain(error, providers.Markup);
        Assert.Contains("reprofile &lt;b&gt;x&lt;/b&gt; failed", providers.Markup);
        Assert.Contains(providers.FindAll("a"), a => a.GetAttribute("href")?.StartsWith("jobs?run=", StringComparison.Ordinal) == true);

        providers.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Mark reprofile <b>x</b> failure read").Click();

        bell.WaitForAssertion(() => Assert.Equal("Notifications", Button(bell).GetAttribute("aria-label")), Patience);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<NotificationBell> bell) => bell.Find("button[aria-label^='Notifications']");

    // A run that failed with an error that carries markup (DuckDB's messages quote the user's SQL), notified as the runner does.
    private async Task FailAsync(string error)
    {
        var services = _app.Services;
        var job = await services.GetRequiredService<JobDefinitionStore>().CreateAsync(
            new JobDraft("reprofile <b>x</b>", JobKind.QualityReprofile, SecurablePath.ForTable("main", "s", "t"), "0 3 * * *", "UTC"), "ana");
        var runs = services.GetRequiredService<JobRunStore>();
        var run = await runs.QueueAsync(job.Kind, job.Table, job.Id, "schedule");
        await runs.StartAsync(run.Id);
        await runs.FinishAsync(run.Id, JobRunStatus.Failed, "profiling", null, error);
        await services.GetRequiredService<JobFailureNotifier>().NotifyAsync(run.Id);
    }

    private sealed record NamedUser(string Name) : IWorkbenchUser;
}
