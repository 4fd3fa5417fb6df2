using NeuroLake.Engine.Catalog.Integration;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// Compares every registered table with its Delta log (re-registering tables other engines changed) and registers
/// tables other engines created in the warehouse.
/// </summary>
public sealed class CatalogDriftJob(CatalogDriftCheck drift, DeltaTableDiscovery discovery, string warehouseRoot)
{
    public async Task<JobOutcome> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, "checking registered tables against their logs"));
        var reports = await drift.CheckAllAsync(reregister: true, ct).ConfigureAwait(false);
        var drifted = reports.Count(r => r.HasDrift);
        var problems = reports.Where(r => r.Problem is not null).Select(r => $"{r.Name}: {r.Problem}").ToList();
        progress.Report(new JobStep(0.6, "discovering tables other engines wrote"));
        var found = Storage.S3.S3Location.IsS3(warehouseRoot) || Directory.Exists(warehouseRoot)
            ? await discovery.DiscoverAsync(warehouseRoot, cancellationToken: ct).ConfigureAwait(false)
            : new DiscoveryReport([], []);
        var summary = $"{reports.Count:N0} table(s) checked, {drifted:N0} drifted and re-registered, {found.Registered.Count(t => t.Outcome == Catalog.Registration.RegistrationOutcome.Created):N0} discovered";
        if (problems.Count > 0)
        {
            summary += $"; {problems.Count} could not be read: {string.Join("; ", problems.Take(5))}";
        }

        return JobOutcome.Done(summary);
    }
}
