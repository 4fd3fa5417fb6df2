using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>The stages of an action that changes a table: optionally previewed and confirmed, then run.</summary>
public enum FlowStage
{
    Idle,
    Preparing,
    Confirming,
    Running,
    Done,
    Failed,
}

/// <summary>
/// An action that changes something, as a small state machine: <see cref="PrepareAsync"/> computes a preview of what
/// will change and waits for <see cref="ConfirmAsync"/> or <see cref="Cancel"/>; <see cref="RunAsync"/> runs without one.
/// Errors users can cause (<see cref="NeuroLakeException"/>) end in <see cref="FlowStage.Failed"/> with the message,
/// to show in place; nothing runs unless confirmed.
/// </summary>
public sealed class ConfirmationFlow<TPreview, TResult>(TimeProvider? time = null)
    where TPreview : class
    where TResult : class
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public FlowStage Stage { get; private set; }

    public TPreview? Preview { get; private set; }

    public TResult? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>When the current stage began (for elapsed time while running).</summary>
    public DateTimeOffset StageStartedAt { get; private set; }

    /// <summary>True while something is being computed or run: start nothing else.</summary>
    public bool IsBusy => Stage is FlowStage.Preparing or FlowStage.Running;

    public async Task PrepareAsync(Func<Task<TPreview>> preview)
    {
        if (IsBusy)
        {
            return;
        }

        Enter(FlowStage.Preparing);
        (Preview, Result) = (null, null);
        if (await TryAsync(preview) is { } ready)
        {
            Preview = ready;
            Enter(FlowStage.Confirming);
        }
    }

    /// <summary>Runs the confirmed action with the preview the user saw; does nothing unless a preview awaits confirmation.</summary>
    public async Task ConfirmAsync(Func<TPreview, Task<TResult>> run)
    {
        if (Stage != FlowStage.Confirming || Preview is null)
        {
            return;
        }

        var preview = Preview;
        await RunCoreAsync(() => run(preview));
    }

    /// <summary>Runs an action that needs no confirmation.</summary>
    public async Task RunAsync(Func<Task<TResult>> run)
    {
        if (IsBusy)
        {
            return;
        }

        (Preview, Result) = (null, null);
        await RunCoreAsync(run);
    }

    /// <summary>Closes a preview without running anything (or dismisses a result or error).</summary>
    public void Cancel()
    {
        if (!IsBusy)
        {
            (Preview, Error) = (null, null);
            Enter(FlowStage.Idle);
        }
    }

    private async Task RunCoreAsync(Func<Task<TResult>> run)
    {
        Enter(FlowStage.Running);
        if (await TryAsync(run) is { } result)
        {
            Result = result;
            Enter(FlowStage.Done);
        }
    }

    private async Task<T?> TryAsync<T>(Func<Task<T>> work) where T : class
    {
        Error = null;
        try
        {
            return await work();
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
            Enter(FlowStage.Failed);
            return null;
        }
    }

    private void Enter(FlowStage stage)
    {
        Stage = stage;
        StageStartedAt = _time.GetUtcNow();
    }
}
