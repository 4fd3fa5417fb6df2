using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Tiering;

/// <summary>
/// The lakehouse's tiering: plans moves over every registered table and executes a plan in the Tiering workload class
/// (one admission slot), one run at a time in this process, cancellable between files. A run first cleans, for every
/// table, what an interrupted run left; a table or file that fails is skipped with its reason and the others go on.
/// </summary>
public sealed class LakehouseTiering
{
    private readonly SemaphoreSlim _oneRun = new(1, 1);
    private readonly TieringSurvey _survey;
    private readonly ObjectStoreFactory _stores;
    private readonly PriceBookStore? _prices;
    private readonly WorkloadAdmission? _admission;
    private readonly TimeProvider _time;
    private readonly TierMover _mover;

    internal LakehouseTiering(TieringSurvey survey, ObjectStoreFactory stores, TablePlacements placements, PriceBookStore? prices, WorkloadAdmission? admission, TimeProvider time)
    {
        _survey = survey;
        _stores = stores;
        _prices = prices;
        _admission = admission;
        _time = time;
        _mover = new TierMover(stores.Tiers, placements, time);
    }

    /// <summary>Test hook: runs after a file's copy is verified, before its placement is recorded (a crash there).</summary>
    internal Func<TieringMove, Task>? AfterCopy { get => _mover.AfterCopy; set => _mover.AfterCopy = value; }

    private TieringPlannerOptions Options => _stores.Tiers.Options.Planner;

    /// <summary>The moves a run would make now, with estimated savings; tables that could not be read are named in the notes.</summary>
    public async Task<TieringPlan> PlanAsync(CancellationToken ct) => (await PlanWithTablesAsync(ct).ConfigureAwait(false)).Plan;

    private async Task<(TieringPlan Plan, IReadOnlyList<(string Name, string Location)> Tables)> PlanWithTablesAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var (tables, problems) = await _survey.MeasureAsync(Options.WarmAfterDays, now, ct).ConfigureAwait(false);
        var prices = _prices is null ? null : (await _prices.CurrentAsync(ct).ConfigureAwait(false))?.Prices;
        var plan = TieringPlanner.Plan(tables, _stores.Tiers.Available, Options, prices, now);
        return (problems.Count == 0 ? plan : plan with { Notes = [.. plan.Notes, .. problems.Select(p => "Not examined: " + p)] }, tables.Select(t => (t.Name, t.Location)).ToList());
    }

    /// <summary>Plans and executes; progress per file.</summary>
    public async Task<TieringRunResult> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        using var slot = _admission is null ? null : await _admission.AdmitAsync(WorkloadClass.Tiering, null, ct).ConfigureAwait(false);
        if (!await _oneRun.WaitAsync(0, ct).ConfigureAwait(false))
        {
            throw new TieringException("A tiering run is already in progress in this process; wait for it to finish.");
        }

        try
        {
            progress.Report(new JobStep(0, "planning"));
            var (plan, tables) = await PlanWithTablesAsync(ct).ConfigureAwait(false);
            return await ExecuteAsync(plan, tables, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<TieringRunResult> ExecuteAsync(TieringPlan plan, IReadOnlyList<(string Name, string Location)> tables, IProgress<JobStep> progress, CancellationToken ct)
    {
        int moved = 0, cleaned = 0, done = 0;
        long bytes = 0;
        decimal saving = 0;
        var skipped = new List<string>();
        var byTable = plan.Moves.ToLookup(m => m.Location);
        foreach (var (name, location) in tables)
        {
            // Every table is cleaned, moves or not: an interrupted move's copy may belong to a file since vacuumed.
            TieredObjectStore? table;
            try
            {
                table = await _survey.OpenAsync(location, ct).ConfigureAwait(false);
                cleaned += table is null ? 0 : await _mover.CleanAsync(table, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or Errors.NeuroLakeException or Amazon.S3.AmazonS3Exception)
            {
                skipped.Add($"{name}: not tiered this run ({e.Message})");
                done += byTable[location].Count();
                continue;
            }

            if (table is null)
            {
                continue;
            }

            var home = TieringSurvey.HomeOf(table);
            foreach (var move in byTable[location])
            {
                // Between files is where a cancel stops the run: each file is either moved or untouched.
                ct.ThrowIfCancellationRequested();
                progress.Report(new JobStep(done / (double)Math.Max(1, plan.Moves.Count), $"{move.Table}: {move.Key} {move.From} → {move.To}"));
                try
                {
                    if (await _mover.MoveAsync(table, home, move, ct).ConfigureAwait(false))
                    {
                        moved++;
                        bytes += move.Bytes;
                        saving += move.MonthlySaving ?? 0;
                    }
                    else
                    {
                        skipped.Add($"{move.Table}/{move.Key}: it moved or was deleted since the plan");
                    }
                }
                catch (Exception e) when (e is IOException or Errors.NeuroLakeException or Amazon.S3.AmazonS3Exception)
                {
                    skipped.Add($"{move.Table}/{move.Key}: {e.Message}");
                }

                done++;
            }
        }

        progress.Report(new JobStep(1, "done"));
        return new TieringRunResult(moved, bytes, cleaned, skipped, plan.MonthlySaving is null ? null : saving, plan.Currency);
    }
}
