using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Components.Pages.Jobs;

public partial class RunProgressCell
{
    private readonly CancellationTokenSource _closing = new();
    private JobRun _run = null!;
    private PeriodicTimer? _timer;

    [Inject]
    private JobRunStore Runs { get; set; } = null!;

    [Inject]
    private ILogger<RunProgressCell> Logger { get; set; } = null!;

    /// <summary>The run as the table last loaded it.</summary>
    [Parameter, EditorRequired]
    public JobRun Run { get; set; } = null!;

    /// <summary>The progress bar's accessible name.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    protected override void OnParametersSet() => _run = Run;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            _ = FollowAsync();
        }
    }

    private async Task FollowAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (!_run.IsFinished && await _timer.WaitForNextTickAsync(_closing.Token))
            {
                try
                {
                    if (await Runs.FindAsync(_run.Id, _closing.Token) is { } now && (now.Progress != _run.Progress || now.Step != _run.Step))
                    {
                        _run = now;
                        await InvokeAsync(StateHasChanged);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed refresh must not freeze the bar: try again at the next tick.
                    Logger.LogWarning(e, "Reading the progress of job run {RunId} failed", _run.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The row went away.
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _timer?.Dispose();
        _closing.Dispose();
    }
}
