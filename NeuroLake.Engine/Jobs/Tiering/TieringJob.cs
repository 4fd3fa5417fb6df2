using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Tiering;

namespace NeuroLake.Engine.Jobs.Tiering;

/// <summary>
/// Plans and executes storage tiering over the whole lakehouse (<see cref="LakehouseTiering"/>), audited as the job's
/// owner (an administrator: only they may schedule or start it).
/// </summary>
public sealed class TieringJob(LakehouseTiering tiering, AuditLog? audit = null)
{
    public async Task<JobOutcome> RunAsync(string owner, IProgress<JobStep> progress, CancellationToken ct)
    {
        var result = await audit.TrackAsync(owner, AuditAction.Maintenance, "storage tiering", "Tiering run over every table",
            () => tiering.RunAsync(progress, ct)).ConfigureAwait(false);
        var saving = result.MonthlySaving is { } s ? $", about {s:0.##} {result.Currency} a month less storage" : "";
        var skipped = result.Skipped.Count == 0 ? "" : $"; {result.Skipped.Count} skipped: " + string.Join("; ", result.Skipped.Take(5));
        var summary = $"Moved {result.Moved:N0} file(s), {result.BytesMoved:N0} bytes{saving}; removed {result.Cleaned:N0} leftover(s) of interrupted moves{skipped}";
        return result.Moved == 0 && result.Cleaned == 0 && result.Skipped.Count == 0 ? JobOutcome.Skipped("Nothing to move: every file is where the plan wants it.") : JobOutcome.Done(summary);
    }
}
