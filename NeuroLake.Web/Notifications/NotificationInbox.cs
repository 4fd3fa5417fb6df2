using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Notifications;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Notifications;

/// <summary>
/// The current user's notifications (scoped: one per request or circuit): the store asked as this user, an
/// administrator seeing every job failure. <see cref="Changed"/> lets the bell follow what a page marked read.
/// </summary>
public sealed class NotificationInbox(NotificationStore store, IWorkbenchUser user, PrivilegeEvaluator privileges)
{
    /// <summary>Raised after this inbox marked something read.</summary>
    public event Action? Changed;

    public async Task<NotificationPage> ListAsync(bool unreadOnly, int skip, int take, CancellationToken ct) =>
        await store.ListAsync(await ReaderAsync(ct), unreadOnly, skip, take, ct);

    public async Task<Notification?> FindAsync(Guid id, CancellationToken ct) => await store.FindAsync(await ReaderAsync(ct), id, ct);

    public async Task<int> UnreadCountAsync(CancellationToken ct) => await store.UnreadCountAsync(await ReaderAsync(ct), ct);

    /// <summary>False when the notification is not this user's to see (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var marked = await store.MarkReadAsync(await ReaderAsync(ct), id, ct);
        Changed?.Invoke();
        return marked;
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var marked = await store.MarkAllReadAsync(await ReaderAsync(ct), ct);
        Changed?.Invoke();
        return marked;
    }

    // Asked each time rather than cached: a circuit lives long, and an administrator removed from the group stops seeing others' failures.
    private async Task<NotificationReader> ReaderAsync(CancellationToken ct) => new(user.Name, await privileges.IsAdminAsync(user.Name, ct));
}
