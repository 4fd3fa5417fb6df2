using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// The JSON body POSTed to the failure webhook, e.g.
/// <c>{"event":"job.failed","job":"nightly optimize","kind":"TableMaintenance","table":"main.s.t","runId":"…","status":"Failed","error":"…","startedAt":"…","finishedAt":"…","link":"/jobs?run=…"}</c>.
/// </summary>
/// <param name="Link">The run on the Jobs page, as a path from the workbench's root.</param>
public sealed record FailureWebhookPayload(
    string Event, string Job, JobKind Kind, string? Table, Guid RunId, Guid? JobId, JobRunStatus Status, string Error,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string Link)
{
    public static FailureWebhookPayload From(JobFailure f) => new(
        "job.failed", f.JobName, f.Kind, f.Table?.ToString(), f.RunId, f.DefinitionId, f.Status, f.Error, f.StartedAt, f.FinishedAt,
        NotificationLinks.RunPath(f.RunId));
}
