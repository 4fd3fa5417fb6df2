using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>The failure webhook against a real HTTP receiver on a loopback port, from a job failing in the real app.</summary>
public sealed class FailureWebhookTests
{
    // Bounds on a hang, not expectations of speed: three attempts with their pauses finish well inside.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_failed_run_is_posted_to_the_webhook_as_json()
    {
        await using var receiver = await WebhookReceiver.StartAsync(200);
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:Jobs:FailureWebhookUrl"] = receiver.Url });

        var runId = await FailAsync(app.Services);

        var (query, body) = await receiver.NextAsync(Patience);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("?token=s3cret-hook-token", query);
        Assert.Equal("job.failed", root.GetProperty("event").GetString());
        Assert.Equal("nightly profile", root.GetProperty("job").GetString());
        Assert.Equal("QualityReprofile", root.GetProperty("kind").GetString());
        Assert.Equal("main.s.missing", root.GetProperty("table").GetString());
        Assert.Equal(runId, root.GetProperty("runId").GetGuid());
        Assert.Equal("Failed", root.GetProperty("status").GetString());
        Assert.Equal("The table main.s.missing no longer exists: delete or change this job.", root.GetProperty("error").GetString());
        Assert.Equal($"/jobs?run={runId}", root.GetProperty("link").GetString());
        var run = (await app.Services.GetRequiredService<JobRunStore>().FindAsync(runId))!;
        Assert.Equal(run.StartedAt, root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(run.FinishedAt, root.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Null((await NotificationOfAsync(app.Services, runId)).DeliveryNote);
    }

    [Fact]
    public async Task A_receiver_answering_500_does_not_fail_the_job_and_the_notification_records_the_failed_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var logs = new CapturedLogs();
        await using var configured = new WorkbenchAppFactory();
        await using var app = configured.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        // Set by an administrator at run time (Admin → Settings), not in configuration.
        var settings = app.Services.GetRequiredService<SettingsStore>();
        await settings.SaveAsync(settings.Current with { FailureWebhookUrl = receiver.Url }, "ada");

        var runId = await FailAsync(app.Services);

        // The run ended as its own failure says, whatever the receiver does; then the receiver is tried three times.
        var run = (await app.Services.GetRequiredService<JobRunStore>().FindAsync(runId))!;
        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Equal("The table main.s.missing no longer exists: delete or change this job.", run.Error);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await receiver.NextAsync(Patience);
        }

        var noted = await WaitForNoteAsync(app.Services, runId);
        Assert.Equal("webhook delivery failed: 500", noted.DeliveryNote);
        var logged = Assert.Single(logs.Lines, l => l.Contains("[7101]", StringComparison.Ordinal));
        Assert.Contains("could not be delivered", logged);
        Assert.Contains("127.0.0.1", logged);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("s3cret", StringComparison.Ordinal) || l.Contains("/hooks/neurolake", StringComparison.Ordinal));
        Assert.False(receiver.Received.Reader.TryRead(out _));
    }

    private static async Task<Guid> FailAsync(IServiceProvider services)
    {
        var job = await services.GetRequiredService<JobDefinitionStore>().CreateAsync(
            new JobDraft("nightly profile", JobKind.QualityReprofile, SecurablePath.ForTable("main", "s", "missing"), "0 3 * * *", "UTC"), "ana");
        var run = await services.GetRequiredService<JobRunStore>().QueueAsync(job.Kind, job.Table, job.Id, "schedule");
        Assert.Equal(JobRunStatus.Failed, await services.GetRequiredService<JobRunner>().RunAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    private static async Task<Notification> NotificationOfAsync(IServiceProvider services, Guid runId)
    {
        var page = await services.GetRequiredService<NotificationStore>().ListAsync(new NotificationReader("ana", IsAdmin: true));
        return Assert.Single(page.Notifications, n => n.RunId == runId);
    }

    // The note is written after the last attempt; poll for it (bounded) rather than guess how long delivery takes.
    private static async Task<Notification> WaitForNoteAsync(IServiceProvider services, Guid runId)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var notification = await NotificationOfAsync(services, runId);
            if (notification.DeliveryNote is not null)
            {
                return notification;
            }

            await Task.Delay(100, deadline.Token);
        }
    }
}
