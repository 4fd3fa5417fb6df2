using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Restores one table of a verified set over the live table as ONE new version (a RESTORE commit), so time travel
/// still reaches every version it had: the set's data files the live folder lacks are copied in (hashed as written),
/// the set's log is read from a scratch folder to learn the files of the recorded version, and the commit makes the
/// live files equal those. Files of the set the recorded version does not read are copied too and VACUUM takes them.
/// </summary>
internal sealed class TableInPlaceRestore(SetRestore restore, DuckDbDatabase duckDb)
{
    /// <returns>The version the live table had before and the version the restore committed.</returns>
    public async Task<(long Before, long After)> RestoreAsync(string setId, BackupTable table, DeltaTable live, CancellationToken ct)
    {
        var current = await live.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        var scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "neurolake-restore-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var staged = new LocalObjectStore(scratch);
            foreach (var log in table.Files.Where(SetRestore.IsLog))
            {
                await restore.WriteFileAsync(table, log, staged, ct).ConfigureAwait(false);
            }

            var target = await new DeltaTable(staged, duckDb).GetSnapshotAsync(table.Version, ct).ConfigureAwait(false);
            if (!target.PartitionColumns.SequenceEqual(current.PartitionColumns, StringComparer.Ordinal))
            {
                throw new BackupException(
                    $"{table.Name} is partitioned differently now ({string.Join(", ", current.PartitionColumns)}) than in set '{setId}' ({string.Join(", ", target.PartitionColumns)}): restore it under a new name instead.");
            }

            foreach (var file in table.Files.Where(f => !SetRestore.IsLog(f)))
            {
                var existing = await live.Store.GetInfoAsync(file.Path, ct).ConfigureAwait(false);
                if (existing is null)
                {
                    await restore.WriteFileAsync(table, file, live.Store, ct).ConfigureAwait(false);
                }
                else if (existing.Size != file.Size)
                {
                    // Delta never rewrites a data file, so a different file under the same name is not ours to replace.
                    throw new BackupException($"{table.Name}/{file.Path} exists in the live table with other contents than in set '{setId}': restore under a new name instead.");
                }
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["version"] = table.Version.ToString(CultureInfo.InvariantCulture),
                ["backupSet"] = setId,
            };
            var result = await new RestoreCommand(live).CommitAsync(current, target, parameters, ct).ConfigureAwait(false);
            return (current.Version, result.Version);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
