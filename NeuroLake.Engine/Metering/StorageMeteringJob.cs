using System.Globalization;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Jobs.Cleanup;

namespace NeuroLake.Engine.Metering;

/// <summary>
/// The daily metering system job: measures every table's storage for today (replacing an earlier measurement of the
/// same day) and removes metered work and storage days older than <see cref="MeteringOptions.RetentionDays"/>.
/// </summary>
public sealed class StorageMeteringJob(
    StorageSurvey survey, StorageDayStore storage, MeteredWorkStore work, MeteringOptions options, TimeProvider time)
{
    public async Task<JobOutcome> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        if (options.RetentionDays < 1)
        {
            throw new JobException($"NeuroLake:Metering:RetentionDays is {options.RetentionDays}: keep usage for at least 1 day.");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        progress.Report(new JobStep(0, "measuring table storage"));
        var measured = await survey.MeasureAsync(today, new Progress<double>(f => progress.Report(new JobStep(f * 0.9, "measuring table storage"))), ct);
        await storage.SaveDayAsync(today, measured.Tables, now, ct);

        progress.Report(new JobStep(0.9, $"removing usage older than {options.RetentionDays} days"));
        var firstKept = today.AddDays(-options.RetentionDays);
        var removedWork = await work.PruneAsync(new DateTimeOffset(firstKept.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ct);
        var removedDays = await storage.PruneAsync(firstKept, ct);

        var bytes = measured.Tables.Sum(t => t.TotalBytes);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Measured {measured.Tables.Select(t => t.Table).Distinct().Count():N0} tables ({CleanupTally.Size(bytes)}); removed {removedWork:N0} metered statements and job runs and {removedDays:N0} storage rows older than {options.RetentionDays} days.");
        if (measured.Problems.Count > 0)
        {
            summary += $" Not measured: {string.Join("; ", measured.Problems)}";
        }

        return JobOutcome.Done(summary);
    }
}
