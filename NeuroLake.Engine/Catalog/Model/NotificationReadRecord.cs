namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// That one user has read one notification. Read state is per reader, not on the notification: an administrator
/// reading an owner's failure must not mark it read for the owner.
/// </summary>
internal sealed class NotificationReadRecord
{
    public Guid NotificationId { get; set; }

    public string UserName { get; set; } = "";

    public DateTimeOffset ReadAt { get; set; }
}
