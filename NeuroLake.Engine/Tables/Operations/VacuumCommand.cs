using System.Globalization;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// VACUUM: deletes files in the table folder that no version inside the retention window needs: not live now, not
/// removed after the cutoff (a tombstone newer than the cutoff means some version inside the window still reads the
/// file), not live in the version current at the cutoff nor added since, and last modified before the cutoff (so files of writers still in flight, and orphans younger than the
/// window, stay). Hidden paths (<c>_</c> or <c>.</c> prefixes, such as <c>_delta_log</c>) are never touched.
/// Records VACUUM START and VACUUM END commits, as Delta does.
/// </summary>
internal sealed class VacuumCommand(DeltaTable table)
{
    public async Task<VacuumResult> RunAsync(VacuumOptions options, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        ProtocolGate.CheckWrite(snapshot.Protocol, snapshot.Metadata, table.Location);
        var configured = TableProperties.DeletedFileRetention(snapshot.Configuration);
        var retention = Retention(options, configured);
        var now = table.Options.Clock.GetUtcNow();
        var cutoff = now - retention;
        var files = await DeletableAsync(snapshot, cutoff, ct).ConfigureAwait(false);
        var bytes = files.Sum(f => f.Size);
        if (options.DryRun)
        {
            return new VacuumResult(files, bytes, true, retention, cutoff);
        }

        var start = table.StartTransaction(snapshot, "VACUUM START");
        start.OperationParameters["retentionCheckEnabled"] = (!options.AllowShortRetention).ToString().ToLowerInvariant();
        start.OperationParameters["specifiedRetentionMillis"] = Text((long)retention.TotalMilliseconds);
        start.OperationParameters["defaultRetentionMillis"] = Text((long)configured.TotalMilliseconds);
        start.OperationMetrics["numFilesToDelete"] = Text(files.Count);
        start.OperationMetrics["sizeOfDataToDelete"] = Text(bytes);
        var started = await table.CommitAsync(start, ct).ConfigureAwait(false);

        foreach (var file in files)
        {
            await table.Store.DeleteAsync(file.Key, ct).ConfigureAwait(false);
        }

        var end = table.StartTransaction(started.Snapshot, "VACUUM END");
        end.OperationParameters["status"] = "COMPLETED";
        end.OperationMetrics["numDeletedFiles"] = Text(files.Count);
        end.OperationMetrics["numVacuumedDirectories"] = "0";
        await table.CommitAsync(end, ct).ConfigureAwait(false);
        return new VacuumResult(files, bytes, false, retention, cutoff);
    }

    private TimeSpan Retention(VacuumOptions options, TimeSpan configured)
    {
        if (options.RetainHours is not { } hours)
        {
            return configured;
        }

        if (hours < 0 || double.IsNaN(hours))
        {
            throw new InvalidTableOperationException($"VACUUM RETAIN {hours} HOURS is not valid: the retention must be 0 hours or more.");
        }

        var asked = TimeSpan.FromHours(hours);
        if (asked < configured && !options.AllowShortRetention)
        {
            throw new InvalidTableOperationException(
                $"VACUUM RETAIN {hours} HOURS is shorter than the table's retention of {configured.TotalHours} hours ({TableProperties.DeletedFileRetentionDuration}). "
                + "Deleting files younger than that can break time travel and writers still running. "
                + "Use a longer retention, or allow a short retention explicitly if you are sure.");
        }

        return asked;
    }

    private async Task<List<VacuumedFile>> DeletableAsync(Snapshot snapshot, DateTimeOffset cutoff, CancellationToken ct)
    {
        var root = table.Store.GetLocalPath("");
        var cutoffMillis = cutoff.ToUnixTimeMilliseconds();
        var needed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in snapshot.Files)
        {
            needed.Add(FilePaths.ToKey(file.Path, root));
        }

        foreach (var tombstone in snapshot.Tombstones.Where(t => (t.DeletionTimestamp ?? long.MaxValue) > cutoffMillis))
        {
            needed.Add(FilePaths.ToKey(tombstone.Path, root));
        }

        // Tombstones expire from checkpoints after the table's retention, so for a longer window they are not enough:
        // every version inside it reads the files of the version current at the cutoff plus the files added since.
        foreach (var path in await FilesOfVersionsSinceAsync(snapshot, cutoff, ct).ConfigureAwait(false))
        {
            needed.Add(FilePaths.ToKey(path, root));
        }

        var objects = await table.Store.ListAsync("", null, ct).ConfigureAwait(false);
        return objects
            .Where(o => !IsHidden(o.Key) && !needed.Contains(o.Key) && o.LastModified < cutoff)
            .Select(o => new VacuumedFile(o.Key, o.Size))
            .ToList();
    }

    private async Task<IEnumerable<string>> FilesOfVersionsSinceAsync(Snapshot latest, DateTimeOffset cutoff, CancellationToken ct)
    {
        Snapshot? atCutoff;
        try
        {
            atCutoff = await table.GetSnapshotAsOfAsync(cutoff, ct).ConfigureAwait(false);
        }
        catch (VersionNotFoundException)
        {
            atCutoff = null; // every available version is inside the window: keep whatever any commit added
        }

        var paths = new List<string>(atCutoff?.Files.Select(f => f.Path) ?? []);
        var listing = await LogListing.ListAsync(table.Store, null, ct).ConfigureAwait(false);
        foreach (var commit in listing.Commits.Where(c => c.Version > (atCutoff?.Version ?? -1) && c.Version <= latest.Version))
        {
            var actions = await CommitFileReader.ReadAsync(table.Store, commit.Key, ct).ConfigureAwait(false);
            paths.AddRange(actions.OfType<AddFile>().Select(a => a.Path));
        }

        return paths;
    }

    /// <summary>Delta's rule: a path segment starting with '_' or '.' is hidden, except partition folders ("_p=1").</summary>
    internal static bool IsHidden(string key) =>
        key.StartsWith(LogFileName.LogFolder, StringComparison.Ordinal)
        || key.Split('/').Any(segment => (segment.StartsWith('_') || segment.StartsWith('.')) && !segment.Contains('=', StringComparison.Ordinal));

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);
}
