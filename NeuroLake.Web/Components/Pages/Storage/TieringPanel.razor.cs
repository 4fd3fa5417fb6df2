using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Tiering;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>
/// The tiering plan with its savings, "Run now" followed to the end with the run's real progress, and each table's
/// placement override. Administrators only: for anyone else it renders nothing (tiering covers every table's files).
/// Self-contained, so the Storage page places it as it is.
/// </summary>
public sealed partial class TieringPanel : IDisposable
{
    private const int MaxRows = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _disposed = new();
    private bool _isAdmin;
    private bool _loading;
    private string? _error;
    private TieringPlan? _plan;
    private JobRun? _run;
    private IReadOnlyList<(SecurablePath Table, TierOverride Override)> _tables = [];

    [Inject]
    private PrivilegeEvaluator Privileges { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private LakehouseTiering Tiering { get; set; } = default!;

    [Inject]
    private TierOverrideStore Overrides { get; set; } = default!;

    [Inject]
    private JobScheduler Scheduler { get; set; } = default!;

    [Inject]
    private JobRunStore Runs { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _isAdmin = await Privileges.IsAdminAsync(User.Name, _disposed.Token);
        // Planning reads every table's log: once, when interactive, not for the prerendered copy.
        if (_isAdmin && RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _plan = await Tiering.PlanAsync(_disposed.Token);
            _tables = await Overrides.ListTablesAsync(_disposed.Token);
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task RunAsync()
    {
        _error = null;
        try
        {
            _run = await Scheduler.TierNowAsync(User.Name, _disposed.Token);
            StateHasChanged();
            while (!_run.IsFinished)
            {
                await Task.Delay(PollInterval, _disposed.Token);
                _run = await Runs.FindAsync(_run.Id, _disposed.Token) ?? _run with { Status = JobRunStatus.Cancelled, Error = "The run was removed from the history." };
                StateHasChanged();
            }
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
            return;
        }
        catch (OperationCanceledException)
        {
            return; // the page went away; the run goes on and is on the Jobs page
        }

        if (_run.Status is JobRunStatus.Succeeded or JobRunStatus.Skipped)
        {
            Snackbar.Add(_run.Summary ?? "Tiering finished.", Severity.Success);
        }
        else
        {
            _error = $"Tiering {_run.Status.ToString().ToLowerInvariant()}: {_run.Error ?? _run.Step}";
        }

        await LoadAsync();
    }

    private async Task SetAsync(SecurablePath table, TierOverride value)
    {
        _error = null;
        try
        {
            // Audited as the API's change is: an administrator changed where a table's files may go.
            if (await Audit.TrackAsync(User.Name, AuditAction.AdminChange, $"table {table}", $"Tier override set to {value}",
                    () => Overrides.SetAsync(table, value, User.Name, _disposed.Token)))
            {
                Snackbar.Add($"{table}: {value}; the next tiering run follows it.", Severity.Info);
            }
            else
            {
                _error = $"{table} is no longer in the catalog.";
            }

            await LoadAsync();
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
