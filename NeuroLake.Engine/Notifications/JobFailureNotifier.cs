using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Notifications;

/// <summary>
/// Tells people a job run failed: records an in-app notification for the job's owner (administrators see every
/// one) and hands the failure to the announcers (the failure webhook). Called after the failure is recorded; it never
/// throws, because nothing here may change how the run ended.
/// </summary>
public sealed partial class JobFailureNotifier(
    JobRunStore runs, JobDefinitionStore definitions, NotificationStore notifications, IEnumerable<IJobFailureAnnouncer> announcers, ILogger<JobFailureNotifier> logger)
{
    /// <summary>Notifies about <paramref name="runId"/> if it failed. Uses no caller token: a stopping app still records the failure.</summary>
    public async Task NotifyAsync(Guid runId)
    {
        try
        {
            if (await runs.FindAsync(runId, CancellationToken.None).ConfigureAwait(false) is not { Status: JobRunStatus.Failed } run)
            {
                return;
            }

            var definition = run.DefinitionId is { } id ? await definitions.FindAsync(id, CancellationToken.None).ConfigureAwait(false) : null;
            var name = definition?.Name ?? JobKindText.Of(run.Kind);
            // A run without a definition (deleted meanwhile) is its trigger's, unless the schedule fired it.
            var recipient = definition?.Owner ?? (run.TriggeredBy == "schedule" ? "" : run.TriggeredBy);
            var notificationId = await notifications.AddJobFailureAsync(run, name, recipient, CancellationToken.None).ConfigureAwait(false);
            var failure = new JobFailure(notificationId, run.Id, run.DefinitionId, name, run.Kind, run.Table, run.Status, run.Error ?? "", run.StartedAt, run.FinishedAt);
            foreach (var announcer in announcers)
            {
                try
                {
                    announcer.Announce(failure);
                }
                catch (Exception e)
                {
                    LogAnnounceFailed(logger, e, runId);
                }
            }
        }
        catch (Exception e)
        {
            LogNotifyFailed(logger, e, runId);
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Could not record the failure notification of job run {RunId}")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Could not hand the failure of job run {RunId} to an announcer")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, Guid runId);
}
