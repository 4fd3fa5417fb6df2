using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Components.Pages.Jobs;

/// <summary>
/// Scheduled jobs with what Hangfire's dashboard lacks: pause and resume, run now, edit with validation, a history
/// searchable by kind, status, table and time, live progress of running runs, and a cancel that stops them.
/// </summary>
public partial class Jobs
{
    private const int PageSize = 50;

    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<JobDefinition> _definitions = [];
    private Dictionary<Guid, JobDefinition> _byId = [];
    private JobRunPage _runs = new([], 0);
    private JobKind? _kind;
    private JobRunStatus? _status;
    private string? _table;
    private int _days = 7;
    private int _skip;
    private string? _filterError;
    private PeriodicTimer? _timer;
    private bool _loaded;
    private Guid? _loadedFor;

    /// <summary>A run to show alone (<c>/jobs?run=&lt;id&gt;</c>, where a notification links); null shows the searchable history. Default null.</summary>
    [SupplyParameterFromQuery(Name = "run")]
    public Guid? RunId { get; set; }

    [Inject]
    private VisibleJobs Visible { get; set; } = null!;

    [Inject]
    private JobScheduler Scheduler { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ILogger<Jobs> Logger { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    private string PageText => $"{_skip + 1:N0}–{Math.Min(_skip + PageSize, _runs.Total):N0} of {_runs.Total:N0}";

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = FollowRunningAsync();
        }
    }

    // While a run is queued or running, reloads the history every second but re-renders only when a status changed:
    // re-rendering gives the buttons new event handlers, and a click sent meanwhile would be lost. Progress bars
    // refresh themselves (RunProgressCell).
    private async Task FollowRunningAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await _timer.WaitForNextTickAsync(_closing.Token))
            {
                if (_runs.Runs.Any(r => !r.IsFinished))
                {
                    try
                    {
                        await InvokeAsync(async () =>
                        {
                            var shown = Statuses(_runs);
                            await LoadRunsAsync();
                            if (!shown.SequenceEqual(Statuses(_runs)))
                            {
                                StateHasChanged();
                            }
                        });
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A failed refresh (e.g. the catalog busy) must not stop the page from following its runs.
                        Logger.LogWarning(e, "Refreshing the job history failed; retrying in a second");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task LoadAsync()
    {
        _definitions = await Visible.ListAsync(User.Name, ct: _closing.Token);
        _byId = _definitions.ToDictionary(d => d.Id);
        await LoadRunsAsync();
    }

    // A link from a notification to another run, or "Show all runs", changes only the query: the page stays, so reload here.
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && _loadedFor != RunId)
        {
            _skip = 0;
            await LoadRunsAsync();
        }
    }

    private async Task LoadRunsAsync()
    {
        (_loaded, _loadedFor) = (true, RunId);
        if (RunId is { } single)
        {
            // A run of a table the user may not read is "no longer in the history" too: its existence is not told.
            _runs = await Visible.FindRunAsync(User.Name, single, _closing.Token) is { } run ? new JobRunPage([run], 1) : new JobRunPage([], 0);
            return;
        }

        SecurablePath? table = null;
        _filterError = null;
        if (!string.IsNullOrWhiteSpace(_table))
        {
            try
            {
                table = SecurablePath.Parse(_table.Trim());
            }
            catch (NeuroLakeException e)
            {
                _filterError = e.Message;
                return;
            }
        }

        var query = new JobRunQuery(_kind, table, _status, From: DateTimeOffset.UtcNow.AddDays(-_days), Skip: _skip, Take: PageSize);
        _runs = await Visible.SearchRunsAsync(User.Name, query, _closing.Token);
    }

    private static List<(Guid, JobRunStatus)> Statuses(JobRunPage page) => page.Runs.Select(r => (r.Id, r.Status)).ToList();

    private string JobName(JobRun run) =>
        run.DefinitionId is { } id && _byId.TryGetValue(id, out var job) ? job.Name : KindText(run.Kind);

    private static string KindText(JobKind kind) => JobKindText.Of(kind);

    private static Color StatusColor(JobRunStatus status) => status switch
    {
        JobRunStatus.Succeeded => Color.Success,
        JobRunStatus.Failed => Color.Error,
        JobRunStatus.Cancelled => Color.Warning,
        JobRunStatus.Running => Color.Info,
        _ => Color.Default,
    };

    private Task KindChangedAsync(JobKind? kind) => Filter(() => _kind = kind);

    private Task StatusChangedAsync(JobRunStatus? status) => Filter(() => _status = status);

    private Task TableChangedAsync(string? table) => Filter(() => _table = table);

    private Task DaysChangedAsync(int days) => Filter(() => _days = days);

    private async Task Filter(Action change)
    {
        change();
        _skip = 0;
        await LoadRunsAsync();
    }

    private async Task PageAsync(int direction)
    {
        _skip = Math.Max(0, _skip + direction * PageSize);
        await LoadRunsAsync();
    }

    private async Task CreateAsync() => await OpenEditorAsync("New job", null, new JobForm());

    private async Task EditAsync(JobDefinition job) => await OpenEditorAsync($"Edit {job.Name}", job.Id, JobForm.From(job));

    private async Task OpenEditorAsync(string title, Guid? id, JobForm form)
    {
        var parameters = new DialogParameters<JobEditorDialog> { { d => d.JobId, id }, { d => d.Form, form } };
        var dialog = await Dialogs.ShowAsync<JobEditorDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Saved {form.Name}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ShowTrendAsync(JobDefinition job)
    {
        var parameters = new DialogParameters<JobTrendDialog> { { d => d.Job, job } };
        await Dialogs.ShowAsync<JobTrendDialog>($"Duration trend of {job.Name}", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
    }

    private Task RunNowAsync(JobDefinition job) => Act(async () =>
    {
        await Scheduler.RunNowAsync(job.Id, User.Name, _closing.Token);
        Snackbar.Add($"{job.Name} is queued to run now.", Severity.Info);
    });

    private Task RetryAsync(Guid id) => Act(async () =>
    {
        await Scheduler.RunNowAsync(id, User.Name, _closing.Token);
        Snackbar.Add("Queued again.", Severity.Info);
    });

    private Task PauseAsync(JobDefinition job) => Act(async () =>
    {
        await Scheduler.PauseAsync(job.Id, User.Name, _closing.Token);
        Snackbar.Add($"{job.Name} is paused: it will not fire until resumed.", Severity.Info);
    });

    private Task ResumeAsync(JobDefinition job) => Act(async () =>
    {
        await Scheduler.ResumeAsync(job.Id, User.Name, _closing.Token);
        Snackbar.Add($"{job.Name} is active again.", Severity.Success);
    });

    private async Task DeleteAsync(JobDefinition job)
    {
        RenderFragment body = b => b.AddContent(0, "The job stops firing and its definition is removed; its past runs stay in the history.");
        var confirmed = await ConfirmActionDialog.AskAsync(Dialogs, $"Delete {job.Name}?", "Delete", body);
        if (confirmed)
        {
            await Act(async () =>
            {
                await Scheduler.DeleteAsync(job.Id, User.Name, _closing.Token);
                Snackbar.Add($"Deleted {job.Name}.", Severity.Success);
            });
        }
    }

    private Task CancelAsync(JobRun run) => Act(async () =>
    {
        var stopped = await Scheduler.CancelAsync(run.Id, User.Name, _closing.Token);
        Snackbar.Add(stopped ? "Cancelling: the run stops at once and commits nothing half-done." : "The run had already finished.", Severity.Info);
    });

    private async Task Act(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (NeuroLakeException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }

        await LoadAsync();
    }

    public void Dispose()
    {
        _closing.Cancel();
        _timer?.Dispose();
        _closing.Dispose();
    }
}
