using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Notifications;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One in-app notification: today a failed job run, addressed to the job's owner (administrators see all).</summary>
internal sealed class NotificationRecord
{
    public Guid Id { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The user it is for; empty when nobody owns what failed (then only administrators see it).</summary>
    public string Recipient { get; set; } = "";

    public string JobName { get; set; } = "";

    public JobKind JobKind { get; set; }

    public string? TablePath { get; set; }

    public Guid RunId { get; set; }

    public Guid? DefinitionId { get; set; }

    public string Error { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What went wrong announcing it elsewhere, e.g. "webhook delivery failed: 503"; null when nothing did.</summary>
    public string? DeliveryNote { get; set; }
}
