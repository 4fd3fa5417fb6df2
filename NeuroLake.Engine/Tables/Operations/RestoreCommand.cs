using System.Globalization;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// RESTORE: one commit that makes the live files equal an older version's: adds (dataChange=true) for the files it
/// had that are gone, removes for files it did not have, and its schema back. Refused, naming the files, when
/// VACUUM already deleted some of the files that version needs.
/// </summary>
internal sealed class RestoreCommand(DeltaTable table)
{
    public async Task<OperationResult> RunAsync(long? version, DateTimeOffset? timestamp, CancellationToken ct)
    {
        var current = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(current.Protocol, current.Metadata, table.Location);
        if (version is < 0)
        {
            throw new InvalidTableOperationException($"RESTORE needs a version of 0 or more, not {version}.");
        }

        var target = version is { } v
            ? await table.GetSnapshotAsync(v, ct).ConfigureAwait(false)
            : await table.GetSnapshotAsOfAsync(timestamp!.Value, ct).ConfigureAwait(false);
        if (!target.PartitionColumns.SequenceEqual(current.PartitionColumns, StringComparer.Ordinal))
        {
            throw new InvalidTableOperationException(
                $"Version {target.Version} of '{table.Location}' is partitioned differently ({string.Join(", ", target.PartitionColumns)}) from the current version; RESTORE cannot change partitioning.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = version?.ToString(CultureInfo.InvariantCulture) ?? target.Version.ToString(CultureInfo.InvariantCulture),
        };
        if (timestamp is { } ts)
        {
            parameters["timestamp"] = ts.ToString("O", CultureInfo.InvariantCulture);
        }

        return await CommitAsync(current, target, parameters, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The RESTORE commit itself, towards <paramref name="target"/>, which may be a snapshot of another log with the
    /// same relative file names (a backup's copy of this table); the caller checked partitioning.
    /// </summary>
    internal async Task<OperationResult> CommitAsync(Snapshot current, Snapshot target, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var live = current.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var wanted = target.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var toAdd = target.Files.Where(f => !live.ContainsKey(f.Path)).ToList();
        var toRemove = current.Files.Where(f => !wanted.ContainsKey(f.Path)).ToList();
        await EnsureFilesExistAsync(target, toAdd, ct).ConfigureAwait(false);

        var transaction = table.StartTransaction(current, "RESTORE");
        transaction.ReadSet.ReadWholeTable();
        transaction.ReadSet.ReadFiles(current.Files);
        foreach (var (key, value) in parameters)
        {
            transaction.OperationParameters[key] = value;
        }

        if (target.Metadata.SchemaString != current.Metadata.SchemaString)
        {
            transaction.NewMetadata = current.Metadata with { SchemaString = target.Metadata.SchemaString };
        }

        var now = table.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        transaction.AddRange(toRemove.Select(f => (DeltaAction)Tombstones.For(f, now, dataChange: true)));
        transaction.AddRange(toAdd.Select(f => (DeltaAction)(f with { DataChange = true })));
        var metrics = transaction.OperationMetrics;
        metrics["tableSizeAfterRestore"] = Text(target.SizeInBytes);
        metrics["numOfFilesAfterRestore"] = Text(target.Files.Count);
        metrics["numRemovedFiles"] = Text(toRemove.Count);
        metrics["numRestoredFiles"] = Text(toAdd.Count);
        metrics["removedFilesSize"] = Text(toRemove.Sum(f => f.Size));
        metrics["restoredFilesSize"] = Text(toAdd.Sum(f => f.Size));
        var result = await table.CommitAsync(transaction, ct).ConfigureAwait(false);
        return new OperationResult(result.Version, true, result.OperationMetrics);
    }

    private async Task EnsureFilesExistAsync(Snapshot target, IReadOnlyList<AddFile> files, CancellationToken ct)
    {
        var root = table.Store.GetLocalPath("");
        var missing = new List<string>();
        foreach (var file in files)
        {
            if (await table.Store.GetInfoAsync(FilePaths.ToKey(file.Path, root), ct).ConfigureAwait(false) is null)
            {
                missing.Add(file.Path);
            }
        }

        if (missing.Count > 0)
        {
            throw new InvalidTableOperationException(
                $"Version {target.Version} of '{table.Location}' cannot be restored: {missing.Count} of its data files no longer exist (VACUUM deleted them): "
                + string.Join(", ", missing.Take(10)) + (missing.Count > 10 ? ", ..." : "")
                + ". Restore a version inside the VACUUM retention window, or restore the files from a backup.");
        }
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
