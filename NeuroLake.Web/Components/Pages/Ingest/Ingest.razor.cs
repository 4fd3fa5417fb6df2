using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>
/// The ingestion wizard page. Files go from the browser straight to <c>POST /api/v1/uploads</c> (the collocated module
/// handles drop, the picker and XHR progress). The URL says which upload and step the wizard is at: moving on or back
/// navigates, and every navigation (a button, Back/Forward, a reload) walks <see cref="IngestWizardState"/> to the
/// address, running the engine work of each step through <see cref="IngestionWorkflow"/>. Edits are kept as a draft
/// beside the upload, so a reload resumes them.
/// </summary>
public partial class Ingest
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _walking = new(1, 1);
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

    /// <summary>The upload the wizard is at (query string <c>upload</c>); none means the upload list.</summary>
    [SupplyParameterFromQuery(Name = "upload")]
    public string? UploadParameter { get; set; }

    /// <summary>The step of that upload (query string <c>step</c>: schema, preview, findings, target, summary); default schema.</summary>
    [SupplyParameterFromQuery(Name = "step")]
    public string? StepParameter { get; set; }

    [Inject]
    private IngestionWorkflow Workflow { get; set; } = default!;

    [Inject]
    private IngestDrafts Drafts { get; set; } = default!;

    [Inject]
    private UploadStore Uploads { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private AntiforgeryStateProvider Antiforgery { get; set; } = default!;

    internal IngestWizardState State { get; } = new();

    private WizardAddress Address => WizardAddress.Parse(UploadParameter, StepParameter);

    private string RunText => $"{State.Current?.FileName} into {IngestionWorkflow.Catalog}.{State.Target?.Schema}.{State.Target?.Table}";

    /// <summary>The user's files staged before this page opened (a reload, another tab) are still there to load.</summary>
    protected override void OnInitialized()
    {
        State.Edited += SaveDraft;
        foreach (var upload in Uploads.ListFor(User.Name))
        {
            State.Staged(upload.Id, upload.FileName, upload.Size, upload.ExpiresAt);
        }
    }

    /// <summary>Walks to the URL's step; the engine work waits for the interactive render (prerendering would do it twice).</summary>
    protected override Task OnParametersSetAsync() => RendererInfo.IsInteractive ? WalkToAsync(Address) : Task.CompletedTask;

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
            // Uploads are XHRs to the API, which refuses browser requests without the page's antiforgery token.
            _dropZone = await _module.InvokeAsync<IJSObjectReference>("init", _self, _page, Antiforgery.GetAntiforgeryToken()?.Value);
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
    public Task UploadFinished(string clientId, string uploadId) => Update(() =>
    {
        var sent = State.Uploads.First(u => u.ClientId == clientId).FileName;
        var listed = State.UploadFinished(clientId, uploadId);
        listed.ExpiresAt = Uploads.FindFor(User.Name, uploadId)?.ExpiresAt;
        if (listed.ClientId != clientId)
        {
            Snackbar.Add($"{sent} is already uploaded as {listed.FileName}: it is listed once.", Severity.Info);
        }
    });

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

    private void Go(WizardAddress address) => Navigation.NavigateTo(address.Url);

    private void Choose(UploadEntry upload) => Go(new WizardAddress(upload.UploadId, WizardStep.Schema));

    private void Next() => Go(WizardAddress.Of(State).Move(+1));

    private void Back() => Go(State.Step == WizardStep.Schema ? WizardAddress.UploadList : WizardAddress.Of(State).Move(-1));

    private void StartOver() => Go(WizardAddress.UploadList);

    /// <summary>Called once the user confirmed: the staged file and its draft go.</summary>
    private void Remove(UploadEntry upload)
    {
        if (upload.UploadId is { } id)
        {
            Uploads.DeleteFor(User.Name, id);
        }

        State.Remove(upload.ClientId);
        Snackbar.Add($"Removed {upload.FileName}.", Severity.Success);
    }

    /// <summary>
    /// Brings the wizard to <paramref name="address"/>: back through steps already taken, or forward running each step's
    /// engine work. It stops where a step is blocked (the step says why) and the URL is corrected to where it stopped.
    /// </summary>
    private async Task WalkToAsync(WizardAddress address)
    {
        await _walking.WaitAsync(_disposed.Token);
        try
        {
            if (State.Step == WizardStep.Run || (State.Step == WizardStep.Summary && WizardAddress.Of(State) == address))
            {
                return;
            }

            if (address.UploadId is null)
            {
                if (State.Step != WizardStep.Upload)
                {
                    _quarantine = null;
                    State.Leave();
                }

                return;
            }

            if (State.Current?.UploadId != address.UploadId || State.Step is WizardStep.Upload or WizardStep.Summary)
            {
                await OpenAsync(address);
            }

            while (State.Step > address.Step && State.Step is > WizardStep.Schema and <= WizardStep.Target)
            {
                State.Back();
            }

            while (State.Step < address.Step && await StepForwardAsync())
            {
            }
        }
        finally
        {
            _walking.Release();
        }

        if (WizardAddress.Of(State) is var reached && reached != Address)
        {
            Navigation.NavigateTo(reached.Url, replace: true);
        }
    }

    private async Task OpenAsync(WizardAddress address)
    {
        _quarantine = null;
        if (State.Step != WizardStep.Upload)
        {
            State.Leave();
        }

        var upload = State.Uploads.FirstOrDefault(u => u.UploadId == address.UploadId && u.Status == UploadStatus.Done && !u.Loaded);
        if (upload is null || Uploads.FindFor(User.Name, address.UploadId!) is null)
        {
            State.Failed(address.Step == WizardStep.Summary
                ? "That load has finished and its summary is not kept: find the table in the catalog."
                : "That upload is not staged any more (loaded, removed or expired): upload the file again.");
            return;
        }

        State.Choose(upload.ClientId, Drafts.Read(address.UploadId!));
        StateHasChanged();
        await Attempt(async ct => State.Detected(await Workflow.ProposeAsync(address.UploadId!, State.Draft.JsonNesting, State.Draft.Sheet, ct)));
    }

    /// <summary>The nested-objects choice changed: detect again with it (the draft already holds it).</summary>
    private async Task ReadNestedAsAsync(JsonNesting nesting)
    {
        if (!State.ReadNestedAs(nesting))
        {
            return;
        }
        StateHasChanged();
        var uploadId = State.Current!.UploadId!;
        await Attempt(async ct => State.Detected(await Workflow.ProposeAsync(uploadId, nesting, State.Draft.Sheet, ct)));
    }

    /// <summary>Another sheet of the workbook was chosen: detect again with it (the draft already holds it).</summary>
    private async Task ReadSheetAsync(string sheet)
    {
        if (!State.ReadSheet(sheet))
        {
            return;
        }
        StateHasChanged();
        var uploadId = State.Current!.UploadId!;
        await Attempt(async ct => State.Detected(await Workflow.ProposeAsync(uploadId, State.Draft.JsonNesting, sheet, ct)));
    }

    /// <summary>One step on; false when the step blocks (invalid input, an engine error).</summary>
    private async Task<bool> StepForwardAsync()
    {
        var from = State.Step;
        switch (from)
        {
            case WizardStep.Schema when State.SchemaProblems().Count == 0:
                await Attempt(async ct => State.Previewed(await Workflow.PreviewAsync(State.Schema!, State.LoadedColumns(), ct)));
                break;
            case WizardStep.Preview:
                await Attempt(async ct => State.Assessed(await Workflow.AssessAsync(State.Schema!, State.LoadedColumns(), State.KeyColumns(), ct)));
                break;
            case WizardStep.Findings when State.FindingsProblem() is null:
                State.ToTarget();
                await PlanAsync();
                break;
        }

        return State.Step != from;
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

        return Attempt(async ct => State.Planned(await Workflow.PlanAsync(State.BuildRequest(await TargetTableAsync(ct)), ct)));
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
                var request = State.BuildRequest(await TargetTableAsync(run.Token)) with { Progress = progress };
                var report = await Workflow.LoadAsync(request, State.Current!.UploadId!, State.PiiReviews, run.Token);
                State.Completed(report);
                var table = State.LoadedTable ?? Engine.Catalog.SecurablePath.ForTable(IngestionWorkflow.Catalog, State.Target!.Schema, State.Target.Table);
                _quarantine = report.RowsQuarantined > 0 ? await Workflow.QuarantineAsync(table, 50, _disposed.Token) : null;
                var outcome = LoadOutcome.For(report);
                Snackbar.Add(outcome.Headline, outcome.Severity);
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

        Navigation.NavigateTo(WizardAddress.Of(State).Url, replace: true);
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

    private void SaveDraft(WizardDraft draft)
    {
        if (State.Current?.UploadId is { } id)
        {
            Drafts.Save(id, draft);
        }
    }

    private Task<Engine.Tables.DeltaTable> TargetTableAsync(CancellationToken ct) => Workflow.TableAsync(State.Target!.Schema, State.Target.Table, User.Name, ct);

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
        State.Edited -= SaveDraft;
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
