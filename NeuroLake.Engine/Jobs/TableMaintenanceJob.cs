using System.Globalization;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Jobs;

/// <summary>
/// OPTIMIZE and/or VACUUM of one table as its owner's statements, so privileges, history, lineage and the catalog
/// see them exactly as if typed in the SQL editor. Each statement commits on its own or not at all: a cancelled job
/// leaves the table at its last committed version.
/// </summary>
public sealed class TableMaintenanceJob(CatalogStore catalog, QueryService queries, DuckDbDatabase duckDb, Storage.ObjectStoreFactory? stores = null)
{
    public async Task<JobOutcome> RunAsync(
        SecurablePath table, MaintenanceSettings settings, string user, IProgress<JobStep> progress, CancellationToken ct)
    {
        settings.Validate();
        var name = await RequireAsync(table, ct).ConfigureAwait(false);
        if (settings.MinSmallFiles is { } threshold)
        {
            progress.Report(new JobStep(0, "counting small files"));
            var small = await CountSmallFilesAsync(name.Location, ct).ConfigureAwait(false);
            if (small <= threshold)
            {
                return JobOutcome.Skipped($"{small:N0} small file(s), not more than the threshold of {threshold:N0}: nothing to do.");
            }
        }

        var statements = new List<(string Label, string Sql)>();
        var sqlName = SqlIdentifier.Quote([table.Schema!, table.Table!]);
        if (settings.Optimize)
        {
            var zorder = settings.ZOrderColumns.Count == 0 ? "" : $" ZORDER BY ({string.Join(", ", settings.ZOrderColumns.Select(SqlIdentifier.Quote))})";
            statements.Add(("OPTIMIZE", $"OPTIMIZE {sqlName}{zorder}"));
        }

        if (settings.Vacuum)
        {
            var retain = settings.VacuumRetainHours is { } hours ? $" RETAIN {hours.ToString(CultureInfo.InvariantCulture)} HOURS" : "";
            statements.Add(("VACUUM", $"VACUUM {sqlName}{retain}"));
        }

        var done = new List<string>();
        for (var i = 0; i < statements.Count; i++)
        {
            var (label, sql) = statements[i];
            var result = await RunStatementAsync(sql, label, user, i, statements.Count, progress, ct).ConfigureAwait(false);
            done.Add(Describe(label, result));
        }

        return JobOutcome.Done(string.Join("; ", done));
    }

    private async Task<TableInfo> RequireAsync(SecurablePath table, CancellationToken ct)
    {
        if (table.Table is null || !string.Equals(table.Catalog, queries.Catalog, StringComparison.OrdinalIgnoreCase))
        {
            throw new JobException($"'{table}' is not a table of the catalog '{queries.Catalog}': maintenance runs on its tables only.");
        }

        return await catalog.FindTableAsync(table, ct).ConfigureAwait(false)
            ?? throw new JobException($"The table {table} no longer exists: delete or change this job.");
    }

    private async Task<int> CountSmallFilesAsync(string location, CancellationToken ct)
    {
        var deltaTable = await TableFolder.OpenAsync(location, duckDb, stores, ct).ConfigureAwait(false);
        var snapshot = await deltaTable.GetSnapshotAsync(ct: ct).ConfigureAwait(false);
        // OPTIMIZE rewrites files below its target size; these are the files it would bin-pack.
        return snapshot.Files.Count(f => f.Size < deltaTable.Options.TargetFileSizeBytes);
    }

    private async Task<StatementResult> RunStatementAsync(
        string sql, string label, string user, int index, int count, IProgress<JobStep> progress, CancellationToken ct)
    {
        var watch = new QueryProgress();
        var request = new QueryRequest(user) { Progress = watch };
        // On the pool: the service may run a statement synchronously up to its end (SQLite's async calls complete
        // inline), and progress must be sampled while it runs.
        var running = Task.Run(() => queries.ExecuteAsync(sql, request, ct), CancellationToken.None);
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None)).ConfigureAwait(false) != running)
        {
            var within = (watch.Percent ?? 0) / 100;
            progress.Report(new JobStep((index + within) / count, $"{label}: {watch.Phase ?? "running"}"));
        }

        var results = await running.ConfigureAwait(false);
        progress.Report(new JobStep((index + 1.0) / count, $"{label}: done"));
        return results[^1];
    }

    private static string Describe(string label, StatementResult result)
    {
        if (label == "VACUUM")
        {
            // VACUUM lists the files it deleted (the first of them when there are many).
            var bytes = result.Rows.Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
            var files = result.HasMoreRows ? $"more than {result.Rows.Count:N0}" : $"{result.Rows.Count:N0}";
            return $"VACUUM deleted {files} file(s), {bytes:N0} bytes";
        }

        var metrics = result.Rows.Count == 0
            ? ""
            : " (" + string.Join(", ", result.Columns.Select((c, i) => $"{c.Name} {Convert.ToString(result.Rows[0][i], CultureInfo.InvariantCulture)}")) + ")";
        return result.TableWritten is { } written ? $"{label} committed version {written.Version}{metrics}" : $"{label} changed nothing{metrics}";
    }
}
