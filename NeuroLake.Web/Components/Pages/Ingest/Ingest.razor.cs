using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Web.Uploads;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Ingestion.Load;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The ingestion wizard page. Files go from the browser straight to <c>POST /api/v1/uploads</c> (the collocated module
/// handles drop, the picker and XHR progress); this component drives <see cref="IngestWizardState"/> through the steps
/// and runs the engine work of each through <see cref="IngestionWorkflow"/>.
/// </summary>
public partial class Ingest
{
    private static readonly (WizardStep, string)[] StepTitles =
    [
        (WizardStep.Upload, "1 Upload"), (WizardStep.Detect, "2 Detect"), (WizardStep.Schema, "3 Schema"), (WizardStep.Preview, "4 Preview"),
        (WizardStep.Findings, "5 Quality & PII"), (WizardStep.Target, "6 Target"), (WizardStep.Run, "7 Load"), (WizardStep.Summary, "8 Summary"),
    ];

    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _page;
    private IJSObjectReference? _module;
    private IJSObjectReference? _dropZone;
    private DotNetObjectReference<Ingest>? _self;
    private bool _jsReady;
    private bool _busy;
    private RowPage? _quarantine;
    private RunProgress _progress = new("Starting", null);
    private CancellationTokenSource? _run;
    private bool _cancelling;
    private WizardStep _focusedStep = WizardStep.Upload;

    [Inject]
    private IngestionWorkflow Workflow { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IOptions<NeuroLakeOptions> Options { get; set; } = default!;

    internal IngestWizardState State { get; } = new();

    private string RunText => $"{State.Current?.FileName} into {IngestionWorkflow.Catalog}.{State.Target?.Schema}.{State.Target?.Table}";

    [Inject]
    private UploadStore Uploads { get; set; } = default!;

    /// <summary>Files staged before this page opened (a reload, another tab) are still there to load.</summary>
    protected override void OnInitialized()
    {
        foreach (var upload in Uploads.List())
        {
            State.Staged(upload.Id, upload.FileName, upload.Size);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await FocusNewStepAsync();
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Ingest/Ingest.razor.js");
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _self = DotNetObjectReference.Create(this);
            _dropZone = await _module.InvokeAsync<IJSObjectReference>("init", _self, _page);
            _jsReady = true;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while the module loaded.
        }
    }

    private async Task FocusNewStepAsync()
    {
        if (_dropZone is null || State.Step == _focusedStep)
        {
            return;
        }

        _focusedStep = State.Step;
        try
        {
            await _dropZone.InvokeVoidAsync("focusStep");
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away.
        }
    }

    [JSInvokable]
    public Task UploadStarted(string clientId, string fileName, long size) => Update(() => State.UploadStarted(clientId, fileName, size));

    [JSInvokable]
    public Task UploadProgressed(string clientId, long bytesSent) => Update(() => State.UploadProgressed(clientId, bytesSent));

    [JSInvokable]
    public Task UploadFinished(string clientId, string uploadId) => Update(() => State.UploadFinished(clientId, uploadId));

    [JSInvokable]
    public Task UploadFailed(string clientId, string error) => Update(() => State.UploadFailed(clientId, error));

    private Task Update(Action change) => InvokeAsync(() =>
    {
        change();
        StateHasChanged();
    });

    private async Task PickFilesAsync()
    {
        if (_dropZone is not null)
        {
            await _dropZone.InvokeVoidAsync("pick");
        }
    }

    private async Task ChooseAsync(UploadEntry upload)
    {
        State.Choose(upload.ClientId);
        StateHasChanged();
        await Attempt(async ct => State.Detected(await Workflow.ProposeAsync(upload.UploadId!, ct)));
    }

    private Task PreviewAsync() =>
        Attempt(async ct => State.Previewed(await Workflow.PreviewAsync(State.Schema!, State.LoadedColumns(), ct)));

    private Task AssessAsync() =>
        Attempt(async ct => State.Assessed(await Workflow.AssessAsync(State.Schema!, State.LoadedColumns(), State.KeyColumns(), ct)));

    private async Task ToTarget()
    {
        State.ToTarget();
        await PlanAsync();
    }

    private async Task TargetChangedAsync(LoadTarget target)
    {
        State.SetTarget(target);
        await PlanAsync();
    }

    private Task PlanAsync()
    {
        if (State.TargetProblems().Count > 0)
        {
            return Task.CompletedTask;
        }

        return Attempt(async ct => State.Planned(await Workflow.PlanAsync(State.BuildRequest(TargetTable()), ct)));
    }

    private async Task RunAsync()
    {
        State.Started();
        (_progress, _cancelling) = (new RunProgress("Starting", null), false);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _run = run;
        var progress = new IngestionProgress();
        progress.Changed += ShowProgress;
        StateHasChanged();
        try
        {
            await Attempt(async _ =>
            {
                var request = State.BuildRequest(TargetTable()) with { Progress = progress };
                var report = await Workflow.LoadAsync(request, State.Current!.UploadId!, State.PiiReviews, run.Token);
                State.Completed(report);
                _quarantine = report.RowsQuarantined > 0 && State.LoadedTable is { } table ? await Workflow.QuarantineAsync(table, 50, _disposed.Token) : null;
            });
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested && !_disposed.IsCancellationRequested)
        {
            State.Failed("The load was cancelled before its commit: nothing was written. Load again when ready.");
        }
        finally
        {
            progress.Changed -= ShowProgress;
            _run = null;
        }
    }

    /// <summary>Called on the loader's threads; re-renders only for a new phase or whole percent.</summary>
    private void ShowProgress(IngestionProgress progress)
    {
        var next = RunProgress.From(progress);
        if (next.DiffersVisiblyFrom(_progress))
        {
            _progress = next;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    private async Task CancelRunAsync()
    {
        _cancelling = true;
        if (_run is { } run)
        {
            await run.CancelAsync();
        }
    }

    private void Back() => State.Back();

    private void StartOver()
    {
        _quarantine = null;
        State.StartOver();
    }

    private Engine.Tables.DeltaTable TargetTable() => Workflow.Table(State.Target!.Schema, State.Target.Table, Options.Value.User);

    /// <summary>Runs an engine call; errors a user can cause are shown in place on the step.</summary>
    private async Task Attempt(Func<CancellationToken, Task> work)
    {
        _busy = true;
        try
        {
            await work(_disposed.Token);
        }
        catch (NeuroLakeException e)
        {
            State.Failed(e.Message);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            if (_dropZone is not null)
            {
                await _dropZone.InvokeVoidAsync("dispose");
                await _dropZone.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // On Blazor Server the circuit may already be gone; the browser dropped everything with it.
        }

        _self?.Dispose();
        _disposed.Dispose();
    }
}
