using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Restores a whole set into a new data folder and a freshly migrated, empty catalog database (SQLite or PostgreSQL,
/// whichever the set came from): every table at its relative location under the new folder, the catalog rows with
/// the same keys and the table locations moved there.
/// </summary>
internal sealed class LakehouseRestore(BackupRepository repository, TimeProvider time)
{
    public async Task<BackupManifest> RestoreAsync(string setId, string targetRoot, IDbContextFactory<CatalogDbContext> targetCatalog, CancellationToken ct)
    {
        var restore = new SetRestore(repository, time);
        var manifest = await restore.OpenVerifiedAsync(setId, ct).ConfigureAwait(false);
        var export = await restore.ReadCatalogAsync(manifest, ct).ConfigureAwait(false);
        var root = Path.GetFullPath(targetRoot);
        var relative = manifest.Tables.ToDictionary(t => t.Name, t => t.RelativeLocation, StringComparer.Ordinal);
        var moved = CatalogTableEntry.FromExport(export)
            .ToDictionary(e => e.Location, e => Path.Combine(root, relative[e.Name]), StringComparer.Ordinal);

        foreach (var table in manifest.Tables)
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, table.RelativeLocation)).FullName;
            await restore.WriteTableAsync(table, new LocalObjectStore(folder), table.RelativeLocation, ct).ConfigureAwait(false);
        }

        await new CatalogImport(targetCatalog)
            .ImportAsync(export, location => moved.TryGetValue(location, out var to) ? to : location, ct).ConfigureAwait(false);
        return manifest;
    }
}
