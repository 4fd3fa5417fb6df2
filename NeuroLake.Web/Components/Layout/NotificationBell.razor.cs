using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Notifications;
using NeuroLake.Web.Notifications;

namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The app bar's notification bell. The unread count is read at start, every <see cref="RefreshInterval"/> while the
/// circuit lives, and after anything in this circuit marks a notification read; the list is read when it opens.
/// </summary>
public partial class NotificationBell
{
    /// <summary>How often the unread count is read again: a job failing elsewhere shows within this time.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private const int Shown = 10;

    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<Notification> _latest = [];
    private int _unread;
    private bool _open;
    private string? _error;
    private PeriodicTimer? _timer;

    [Inject]
    private NotificationInbox Inbox { get; set; } = null!;

    [Inject]
    private ILogger<NotificationBell> Logger { get; set; } = null!;

    private string Label => _unread == 0 ? "Notifications" : $"Notifications, {_unread} unread";

    protected override async Task OnInitializedAsync()
    {
        Inbox.Changed += OnInboxChanged;
        await RefreshCountAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = FollowAsync();
        }
    }

    private async Task FollowAsync()
    {
        _timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await _timer.WaitForNextTickAsync(_closing.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshCountAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit closed.
        }
    }

    // The bell is on every page: a catalog that does not answer must not break the layout, so failures are logged and shown in place.
    private async Task RefreshCountAsync()
    {
        try
        {
            _unread = await Inbox.UnreadCountAsync(_closing.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Reading the unread notification count failed");
        }
    }

    private async Task LoadLatestAsync()
    {
        try
        {
            var page = await Inbox.ListAsync(unreadOnly: false, 0, Shown, _closing.Token);
            (_latest, _unread, _error) = (page.Notifications, page.Unread, null);
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
    }

    private async Task ToggleAsync()
    {
        _open = !_open;
        if (_open)
        {
            await LoadLatestAsync();
        }
    }

    private void Close() => _open = false;

    private void OverlayChanged(bool visible) => _open = visible;

    private async Task MarkReadAsync(Notification notification)
    {
        await Inbox.MarkReadAsync(notification.Id, _closing.Token);
        await LoadLatestAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_closing.Token);
        await LoadLatestAsync();
    }

    private void OnInboxChanged() => _ = InvokeAsync(async () =>
    {
        await RefreshCountAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        Inbox.Changed -= OnInboxChanged;
        _closing.Cancel();
        _timer?.Dispose();
        _closing.Dispose();
    }
}
