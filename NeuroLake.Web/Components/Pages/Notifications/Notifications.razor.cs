using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Notifications;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Notifications;

namespace NeuroLake.Web.Components.Pages.Notifications;

/// <summary>All of the user's notifications, paged, newest first, with an unread filter and mark one or all read.</summary>
public partial class Notifications
{
    private const int PageSize = 25;

    private readonly CancellationTokenSource _closing = new();
    private NotificationPage _page = new([], 0, 0);
    private bool _unreadOnly;
    private bool _isAdmin;
    private int _skip;
    private string? _error;

    [Inject]
    private NotificationInbox Inbox { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    [Inject]
    private PrivilegeEvaluator Privileges { get; set; } = null!;

    private string PageText => $"{_skip + 1:N0}–{Math.Min(_skip + PageSize, _page.Total):N0} of {_page.Total:N0}";

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = await Privileges.IsAdminAsync(User.Name, _closing.Token);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await Inbox.ListAsync(_unreadOnly, _skip, PageSize, _closing.Token);
            _error = null;
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
    }

    private async Task UnreadOnlyChangedAsync(bool unreadOnly)
    {
        (_unreadOnly, _skip) = (unreadOnly, 0);
        await LoadAsync();
    }

    private async Task PageAsync(int direction)
    {
        _skip = Math.Max(0, _skip + direction * PageSize);
        await LoadAsync();
    }

    private async Task MarkReadAsync(Notification notification)
    {
        await Inbox.MarkReadAsync(notification.Id, _closing.Token);
        await LoadAsync();
    }

    private async Task MarkAllReadAsync()
    {
        await Inbox.MarkAllReadAsync(_closing.Token);
        await LoadAsync();
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
