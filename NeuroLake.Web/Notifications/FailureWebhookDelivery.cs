using NeuroLake.Engine.Notifications;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// Delivers queued failures in the background to the webhook the run-time settings name at that moment (none: nothing
/// is sent). A delivery that finally fails is logged (the address without path or query, which may hold a secret) and
/// noted on the failure's notification for its readers.
/// </summary>
internal sealed partial class FailureWebhookDelivery(
    FailureWebhookQueue queue, FailureWebhookSender sender, SettingsStore settings, NotificationStore notifications, ILogger<FailureWebhookDelivery> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var failure in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(failure, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogDeliveryError(logger, e, failure.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; what is still queued is not announced.
        }
    }

    private async Task DeliverAsync(JobFailure failure, CancellationToken ct)
    {
        // Empty means no webhook; the value was validated when set, so one that does not parse is treated alike.
        if (!Uri.TryCreate(settings.Current.FailureWebhookUrl, UriKind.Absolute, out var url) ||
            await sender.SendAsync(url, FailureWebhookPayload.From(failure), ct) is not { } reason)
        {
            return;
        }

        LogDeliveryFailed(logger, failure.RunId, WebhookTarget.Redacted(url), reason);
        await notifications.NoteDeliveryAsync(failure.NotificationId, $"webhook delivery failed: {reason}", ct);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "The failure of job run {RunId} could not be delivered to the webhook at {Target}: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, Guid runId, string target, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Delivering the failure of job run {RunId} to the webhook failed unexpectedly")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, Guid runId);
}
