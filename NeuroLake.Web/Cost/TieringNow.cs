using System.Text.Json;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Cost;

/// <summary>
/// Runs the tiering plan as the tiering job (so it has a run in the Jobs history, progress and audit) and waits for it:
/// a tier-move recommendation's button ends when the files have moved, not when the run was queued.
/// </summary>
public sealed class TieringNow(JobScheduler scheduler, JobRunStore runs)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>The finished run as JSON (id, status, summary).</summary>
    /// <exception cref="CostException">The run failed or was cancelled; says why.</exception>
    public async Task<JsonElement> RunAsync(string user, CancellationToken ct)
    {
        var run = await scheduler.TierNowAsync(user, ct);
        try
        {
            while (!run.IsFinished)
            {
                await Task.Delay(Poll, ct);
                run = await runs.FindAsync(run.Id, ct) ?? throw new CostException($"The tiering run {run.Id} is no longer recorded; see the Jobs page.");
            }
        }
        catch (OperationCanceledException)
        {
            await scheduler.CancelAsync(run.Id, user, CancellationToken.None);
            throw;
        }

        if (run.Status is JobRunStatus.Failed or JobRunStatus.Cancelled)
        {
            throw new CostException($"The tiering run {run.Status.ToString().ToLowerInvariant()}: {run.Error ?? run.Summary ?? "see the Jobs page"}.");
        }

        return JsonSerializer.SerializeToElement(new { runId = run.Id, status = run.Status.ToString(), summary = run.Summary });
    }
}
