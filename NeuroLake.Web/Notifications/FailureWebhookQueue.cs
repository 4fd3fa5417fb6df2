using System.Threading.Channels;
using NeuroLake.Engine.Notifications;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// Hands failed runs to <see cref="FailureWebhookDelivery"/>: queuing only, so the job that failed finishes at once
/// whatever the receiver does. Whether there is a webhook is decided at delivery, when the administrator's run-time
/// settings are surely loaded (runs failed by the restart sweep are announced before they are).
/// </summary>
public sealed partial class FailureWebhookQueue(ILogger<FailureWebhookQueue> logger) : IJobFailureAnnouncer
{
    // Bounded so a receiver that is down for days cannot grow memory without end; what does not fit is logged.
    private readonly Channel<JobFailure> _queue =
        Channel.CreateBounded<JobFailure>(new BoundedChannelOptions(1_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<JobFailure> Reader => _queue.Reader;

    public void Announce(JobFailure failure)
    {
        if (!_queue.Writer.TryWrite(failure))
        {
            LogQueueFull(logger, failure.RunId);
        }
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Warning, Message = "The failure webhook queue is full; job run {RunId} is not announced")]
    private static partial void LogQueueFull(ILogger logger, Guid runId);
}
