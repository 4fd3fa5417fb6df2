using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Api;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Components.Pages.Backups;

/// <summary>
/// Administrators' backups: the sets newest first with size, new bytes, tables and verify state; "Back up now" starts a
/// Backup job run and follows its progress; Verify re-reads one set; the retention dry run lists what would go; the
/// restore wizard restores tables of a set. Errors stay in place and never name server folders.
/// </summary>
public sealed partial class Backups : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<BackupSetInfo>? _sets;
    private JobRun? _run;
    private BackupRetentionPlan? _retention;
    private bool _retentionBusy;
    private string? _verifying;
    private double _verifyFraction;
    private string? _restoreFrom;
    private string? _error;

    [Inject]
    private LakehouseBackups Sets { get; set; } = null!;

    [Inject]
    private JobScheduler Scheduler { get; set; } = null!;

    [Inject]
    private JobRunStore Runs { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private IOptions<NeuroLakeOptions> Options { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private bool BackupRunning => _run is { IsFinished: false };

    private IReadOnlyList<BackupSetInfo> RestorableSets => _sets?.Where(s => s.State != BackupSetState.Unusable).ToList() ?? [];

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        // A backup started earlier (here or by its schedule) is followed as if started now.
        var latest = await Attempt(() => Runs.SearchAsync(new JobRunQuery(Kind: JobKind.Backup, Take: 1), _closing.Token));
        if (latest?.Runs.FirstOrDefault() is { IsFinished: false } running && RendererInfo.IsInteractive)
        {
            _run = running;
            _ = FollowAsync();
        }
    }

    private async Task LoadAsync()
    {
        if (await Attempt(() => Sets.ListAsync(_closing.Token)) is { } sets)
        {
            _sets = sets;
        }
    }

    private async Task BackUpNowAsync()
    {
        if (await Attempt(() => Scheduler.BackupNowAsync(User.Name, _closing.Token)) is { } run)
        {
            _run = run;
            _ = FollowAsync();
        }
    }

    private async Task CancelBackupAsync()
    {
        if (_run is { } run)
        {
            await Attempt(() => Scheduler.CancelAsync(run.Id, User.Name, _closing.Token));
        }
    }

    /// <summary>Reads the run each second until it finishes, then lists the sets again.</summary>
    private async Task FollowAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (_run is { IsFinished: false } run && await timer.WaitForNextTickAsync(_closing.Token))
            {
                _run = await Runs.FindAsync(run.Id, _closing.Token) ?? run;
                if (_run.IsFinished)
                {
                    await LoadAsync();
                    Snackbar.Add(_run.Status == JobRunStatus.Succeeded ? "Backup finished." : $"Backup {_run.Status.ToString().ToLowerInvariant()}.",
                        _run.Status == JobRunStatus.Succeeded ? Severity.Success : Severity.Error);
                }

                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed; the run goes on.
        }
    }

    private async Task VerifyAsync(string setId)
    {
        (_verifying, _verifyFraction) = (setId, 0);
        var progress = new ProgressReporter(p =>
        {
            _verifyFraction = p.Fraction;
            _ = InvokeAsync(StateHasChanged);
        });
        var result = await Attempt(() => Audit.TrackAsync(User.Name, AuditAction.Maintenance, $"backup {setId}", "Verify of a backup set",
            () => Sets.VerifyAsync(setId, _closing.Token, progress)));
        _verifying = null;
        if (result is not null)
        {
            Snackbar.Add(result.Usable ? $"Set {setId} is usable." : $"Set {setId} failed verify: {result.Problems.Count} files damaged or missing.",
                result.Usable ? Severity.Success : Severity.Error);
        }

        await LoadAsync();
    }

    private async Task PreviewRetentionAsync()
    {
        _retentionBusy = true;
        _retention = await Attempt(() => Sets.ApplyRetentionAsync(Options.Value.Backup.Retention, dryRun: true, _closing.Token));
        _retentionBusy = false;
    }

    private void CloseWizard() => _restoreFrom = null;

    private static Color StateColor(BackupSetState state) => state switch
    {
        BackupSetState.Usable => Color.Success,
        BackupSetState.Unusable => Color.Error,
        _ => Color.Default,
    };

    /// <summary>Runs <paramref name="work"/>, showing a failure in place without server folders; default when it failed.</summary>
    private async Task<T?> Attempt<T>(Func<Task<T>> work)
    {
        try
        {
            _error = null;
            return await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = ServerFolderText.Strip(e.Message, Options.Value);
            return default;
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
