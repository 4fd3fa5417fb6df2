using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Notifications;

/// <summary>One notification as its reader sees it.</summary>
/// <param name="Recipient">The user it is for (the failed job's owner); empty when nobody owns it.</param>
/// <param name="Table">The table the job works on; null for lakehouse-wide jobs.</param>
/// <param name="DeliveryNote">What went wrong announcing it elsewhere (e.g. "webhook delivery failed: 503"); null when nothing did.</param>
/// <param name="IsRead">Whether this reader has marked it read.</param>
public sealed record Notification(
    Guid Id,
    NotificationKind Kind,
    string Recipient,
    string JobName,
    JobKind JobKind,
    SecurablePath? Table,
    Guid RunId,
    Guid? DefinitionId,
    string Error,
    DateTimeOffset CreatedAt,
    string? DeliveryNote,
    bool IsRead);

/// <summary>One page of notifications, how many match in all, and how many of the reader's are unread.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Notifications, int Total, int Unread);
