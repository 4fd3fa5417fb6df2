using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Log;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// The files a backup of one table at one version copies: every log file up to that version (never a newer commit, so
/// the set stays consistent while writers go on), the data files of that version, and the data files older versions
/// inside the table's time-travel retention read — the same rule VACUUM keeps files by, computed from the snapshots.
/// </summary>
internal sealed record TableFileSelection(IReadOnlyList<string> LogKeys, IReadOnlyList<string> CurrentDataKeys, IReadOnlyList<string> HistoryDataKeys)
{
    public static async Task<TableFileSelection> SelectAsync(DeltaTable table, long version, DateTimeOffset now, CancellationToken ct)
    {
        var snapshot = await table.GetSnapshotAsync(version, ct).ConfigureAwait(false);
        var root = table.Store.GetLocalPath("");
        var listing = await LogListing.ListAsync(table.Store, null, ct).ConfigureAwait(false);
        var log = listing.Files.Where(f => f.Version <= version).Select(f => f.Key).ToList();

        var current = snapshot.Files.Select(f => Key(f.Path, root)).Distinct(StringComparer.Ordinal).ToList();
        var cutoff = now - TableProperties.DeletedFileRetention(snapshot.Configuration);
        long fromVersion = -1;
        var history = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var atCutoff = await table.GetSnapshotAsOfAsync(cutoff, ct).ConfigureAwait(false);
            if (atCutoff.Version < version)
            {
                fromVersion = atCutoff.Version;
                history.UnionWith(atCutoff.Files.Select(f => Key(f.Path, root)));
            }
            else
            {
                fromVersion = version; // the whole window is at or past the backed-up version: its files are enough
            }
        }
        catch (VersionNotFoundException)
        {
            // Every version is inside the window: whatever any commit up to the version added may be read.
        }

        foreach (var commit in listing.Commits.Where(c => c.Version > fromVersion && c.Version <= version))
        {
            var actions = await CommitFileReader.ReadAsync(table.Store, commit.Key, ct).ConfigureAwait(false);
            history.UnionWith(actions.OfType<AddFile>().Select(a => Key(a.Path, root)));
        }

        history.ExceptWith(current);
        return new TableFileSelection(log, current, [.. history.Order(StringComparer.Ordinal)]);
    }

    private static string Key(string path, string? root)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || path.Contains("://", StringComparison.Ordinal))
        {
            // The copied log would still point at the old folder after a restore elsewhere.
            throw new BackupException($"A data file of the table is named by an absolute path ('{Path.GetFileName(path)}'); backups need paths relative to the table.");
        }

        return FilePaths.ToKey(path, root);
    }
}
