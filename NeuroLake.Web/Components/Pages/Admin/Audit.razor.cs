using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// The audit log for administrators: filter by user, action, target and UTC days, page through the newest entries
/// first, and download what the filters match as CSV.
/// </summary>
public partial class Audit
{
    private const int DetailsShown = 300;
    private MudTable<AuditEntry>? _table;
    private string? _user;
    private AuditAction? _action;
    private string? _target;
    private DateTime? _from;
    private DateTime? _to;
    private string? _error;

    [Inject]
    private AuditLog Log { get; set; } = default!;

    [Inject]
    private SettingsStore Settings { get; set; } = default!;

    private int RetentionDays => Settings.Current.AuditRetentionDays;

    private AuditSearch Search => new()
    {
        User = string.IsNullOrWhiteSpace(_user) ? null : _user.Trim(),
        Action = _action,
        Target = string.IsNullOrWhiteSpace(_target) ? null : _target.Trim(),
        From = _from is { } from ? new DateTimeOffset(from.Date, TimeSpan.Zero) : null,
        To = _to is { } to ? new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero) : null,
    };

    private string ExportHref => "api/v1/audit/export" + AuditQuery.ToQueryString(Search);

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        try
        {
            var page = await Log.SearchAsync(Search with { Skip = state.Page * state.PageSize, Take = state.PageSize }, ct);
            _error = null;
            return new TableData<AuditEntry> { Items = page.Entries, TotalItems = page.Total };
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
            return new TableData<AuditEntry> { Items = [], TotalItems = 0 };
        }
    }

    private Task SearchAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private static string ActionText(AuditAction? action) => action switch
    {
        null => "Any action",
        AuditAction.SignIn => "Sign-in",
        AuditAction.SignInFailure => "Sign-in failure",
        AuditAction.TokenUse => "Token use",
        AuditAction.AdminChange => "Admin change",
        AuditAction.CatalogChange => "Catalog change",
        { } other => other.ToString(),
    };

    private static Color OutcomeColor(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => Color.Success,
        AuditOutcome.Denied => Color.Warning,
        AuditOutcome.Failed => Color.Error,
        _ => Color.Default,
    };

    private static string Shortened(string details) => details.Length <= DetailsShown ? details : details[..DetailsShown] + "…";
}
