using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Notifications;

/// <summary>What a notification is about. Stored as its number: append, never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    /// <summary>A job run failed (an error, or the app stopped under it).</summary>
    JobFailed = 0,
}
