using System.Threading.Channels;
using NeuroLake.Engine.Notifications;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// Hands failed runs to <see cref="FailureWebhookDelivery"/> when a failure webhook URL is set: queuing only, so the
/// job that failed finishes at once whatever the receiver does. The URL in force when the run failed is the one used.
/// </summary>
public sealed partial class FailureWebhookQueue(SettingsStore settings, ILogger<FailureWebhookQueue> logger) : IJobFailureAnnouncer
{
    // Bounded so a receiver that is down for days cannot grow memory without end; what does not fit is logged.
    private readonly Channel<(JobFailure Failure, Uri Url)> _queue =
        Channel.CreateBounded<(JobFailure, Uri)>(new BoundedChannelOptions(1_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<(JobFailure Failure, Uri Url)> Reader => _queue.Reader;

    public void Announce(JobFailure failure)
    {
        var url = settings.Current.FailureWebhookUrl;
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        if (!_queue.Writer.TryWrite((failure, uri)))
        {
            LogQueueFull(logger, failure.RunId);
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "The failure webhook queue is full; job run {RunId} is not announced")]
    private static partial void LogQueueFull(ILogger logger, Guid runId);
}
