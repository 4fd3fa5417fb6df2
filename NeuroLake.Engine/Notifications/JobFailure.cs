using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Notifications;

/// <summary>A failed job run as it is announced outside the app (e.g. to the failure webhook).</summary>
/// <param name="NotificationId">The in-app notification recorded for it, where a failed delivery is noted.</param>
public sealed record JobFailure(
    Guid NotificationId,
    Guid RunId,
    Guid? DefinitionId,
    string JobName,
    JobKind Kind,
    SecurablePath? Table,
    JobRunStatus Status,
    string Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);
