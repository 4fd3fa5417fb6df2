using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Compare;

/// <summary>Compares two versions of a table: schemas, row counts and, up to a size limit, the rows added and removed.</summary>
public static class VersionComparer
{
    /// <exception cref="Errors.VersionNotFoundException">A version does not exist (or its log was cleaned up).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public static async Task<VersionComparison> CompareAsync(
        DeltaTable table, long fromVersion, long toVersion, CompareOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new CompareOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRowsForRowDiff);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SampleRows);
        var from = await table.GetSnapshotAsync(fromVersion, ct).ConfigureAwait(false);
        var to = await table.GetSnapshotAsync(toVersion, ct).ConfigureAwait(false);
        // A table on S3 is read from cached copies, pinned while compared; counts the log knows need no file.
        var read = LoggedRows(from) is not { } fromRows || LoggedRows(to) is not { } toRows || Math.Max(fromRows, toRows) <= options.MaxRowsForRowDiff;
        using var fromFiles = read ? await TableFiles.LeaseAsync(from, ct).ConfigureAwait(false) : FileLease.None;
        using var toFiles = read ? await TableFiles.LeaseAsync(to, ct).ConfigureAwait(false) : FileLease.None;
        return await Task.Run(() => Compare(table.DuckDb, from, to, options, ct), ct).ConfigureAwait(false);
    }

    /// <summary>The version's rows from the log's per-file record counts, or null when a file has none.</summary>
    private static long? LoggedRows(Snapshot snapshot)
    {
        long total = 0;
        foreach (var file in snapshot.Files)
        {
            if (WrittenFilesCleanup.RecordCount(file) is not { } count)
            {
                return null;
            }

            total += count;
        }

        return total;
    }

    private static VersionComparison Compare(DuckDbDatabase duckDb, Snapshot from, Snapshot to, CompareOptions options, CancellationToken ct)
    {
        using var connection = duckDb.ConnectTracked();
        connection.UseUtc();
        var fromRows = RowCount(connection, from, ct);
        var toRows = RowCount(connection, to, ct);
        var columns = to.Schema.Fields.Where(f => from.Schema.Find(f.Name) is not null).ToList();
        string? skipped = null;
        if (Math.Max(fromRows, toRows) > options.MaxRowsForRowDiff)
        {
            skipped = $"Rows were not compared: a version holds more than {options.MaxRowsForRowDiff:N0} rows (the comparison row limit). Only counts are shown.";
        }
        else if (columns.Count == 0)
        {
            skipped = "Rows were not compared: the two versions have no column in common.";
        }

        RowDifference? rows = null;
        if (skipped is null)
        {
            var newer = Projection(to, columns);
            var older = Projection(from, columns);
            var added = $"{newer} EXCEPT ALL {older}";
            var removed = $"{older} EXCEPT ALL {newer}";
            rows = new RowDifference(
                columns.Select(c => c.Name).ToList(),
                Count(connection, added, ct),
                Count(connection, removed, ct),
                Sample(connection, added, options.SampleRows, ct),
                Sample(connection, removed, options.SampleRows, ct));
        }

        return new VersionComparison(from.Version, to.Version, from.Schema, to.Schema, fromRows, toRows, rows, skipped);
    }

    /// <summary>The log's per-file record counts when every file has them, else a count in DuckDB.</summary>
    private static long RowCount(DuckDbConnection connection, Snapshot snapshot, CancellationToken ct) =>
        LoggedRows(snapshot) ?? Count(connection, DeltaTable.ToSql(snapshot), ct);

    /// <summary>The shared columns in the newer version's order and types, so both sides of EXCEPT line up.</summary>
    private static string Projection(Snapshot snapshot, IReadOnlyList<StructField> columns) =>
        "SELECT " + string.Join(", ", columns.Select(c => $"CAST({Sql.Quote(c.Name)} AS {DuckDbTypes.ToDuckDb(c.Type)}) AS {Sql.Quote(c.Name)}"))
        + " FROM (" + DeltaTable.ToSql(snapshot) + ")";

    private static long Count(DuckDbConnection connection, string rows, CancellationToken ct)
    {
        using var reader = connection.ExecuteReader($"SELECT count(*) FROM ({rows})", ct);
        reader.Read();
        return Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<object?[]> Sample(DuckDbConnection connection, string rows, int limit, CancellationToken ct)
    {
        var sample = new List<object?[]>();
        if (limit == 0)
        {
            return sample;
        }

        // Sorted so the same two versions always show the same sample.
        using var reader = connection.ExecuteReader($"SELECT * FROM ({rows}) ORDER BY ALL LIMIT {limit}", ct);
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            sample.Add(row);
        }

        return sample;
    }
}
