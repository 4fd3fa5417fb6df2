using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Quality;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// Profiles a table's latest version as ingestion does (on a sample past <see cref="SnapshotProfiler.SampleRows"/> rows) and adds the measurements to its quality history, so the
/// quality charts follow the table after UPDATE, DELETE, MERGE or RESTORE.
/// </summary>
public sealed class QualityReprofileJob(CatalogStore catalog, QualityStore quality, DuckDbDatabase duckDb, TimeProvider time, Storage.ObjectStoreFactory? stores = null)
{
    public async Task<JobOutcome> RunAsync(SecurablePath table, IProgress<JobStep> progress, CancellationToken ct)
    {
        var info = await catalog.FindTableAsync(table.TablePath, ct).ConfigureAwait(false)
            ?? throw new JobException($"The table {table.TablePath} no longer exists: delete or change this job.");
        progress.Report(new JobStep(0.05, "reading the latest version"));
        var snapshot = await (await TableFolder.OpenAsync(info.Location, duckDb, stores, ct).ConfigureAwait(false)).GetSnapshotAsync(ct: ct).ConfigureAwait(false);
        using var files = await Tables.Reads.TableFiles.LeaseAsync(snapshot, ct).ConfigureAwait(false);
        progress.Report(new JobStep(0.1, $"profiling version {snapshot.Version}"));
        var (report, measurements) = new SnapshotProfiler(duckDb, time).Profile(snapshot, ct);
        progress.Report(new JobStep(0.9, "recording measurements"));
        await quality.RecordAsync(table.TablePath, measurements, ct).ConfigureAwait(false);
        return JobOutcome.Done($"Profiled version {snapshot.Version}: {report.RowCount:N0} rows, score {report.Score}/100.");
    }
}
