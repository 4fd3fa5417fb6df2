using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Restores one table of a set into an empty location of the running lakehouse (a new name); the caller registers the
/// new folder with the catalog (discovery reads its name from the warehouse layout).
/// </summary>
internal sealed class TableRestore(BackupRepository repository, TimeProvider time)
{
    /// <param name="tableName">The table's catalog name in the set (<c>catalog.schema.table</c>).</param>
    /// <param name="target">The new table's store; must be empty.</param>
    public async Task<BackupTable> RestoreAsync(string setId, string tableName, IObjectStore target, CancellationToken ct)
    {
        var restore = new SetRestore(repository, time);
        var manifest = await restore.OpenVerifiedAsync(setId, ct).ConfigureAwait(false);
        var table = manifest.Tables.SingleOrDefault(t => t.Name == tableName)
            ?? throw new BackupException($"Backup set '{setId}' has no table '{tableName}'; it holds {string.Join(", ", manifest.Tables.Select(t => t.Name))}.");
        await restore.WriteTableAsync(table, target, tableName, ct).ConfigureAwait(false);
        return table;
    }
}
