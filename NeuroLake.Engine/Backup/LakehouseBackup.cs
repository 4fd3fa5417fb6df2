using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Takes a backup set of the whole lakehouse: the catalog export first, then for each table it lists the log and data
/// files up to the version that export recorded, then the manifest last. Writers may commit throughout; their newer
/// versions are simply not in this set.
/// </summary>
/// <param name="lakehouseRoot">The data folder table locations are made relative to; tables outside it go under <c>external/</c>.</param>
/// <param name="openTableStore">Opens the store of a table location (a folder or an S3 URI).</param>
internal sealed class LakehouseBackup(
    IDbContextFactory<CatalogDbContext> catalog,
    DuckDbDatabase duckDb,
    string lakehouseRoot,
    Func<string, CancellationToken, Task<IObjectStore>> openTableStore,
    TimeProvider time)
{
    public async Task<BackupResult> RunAsync(BackupRepository repository, CancellationToken ct, IProgress<BackupProgress>? progress = null, string? label = null)
    {
        var createdAt = time.GetUtcNow();
        var setId = $"{createdAt:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
        var added = new AddedCounter(progress);

        var export = await new CatalogExport(catalog).ExportAsync(ct).ConfigureAwait(false);
        var catalogFiles = new List<BackupFile>();
        foreach (var table in export)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(table, BackupRepository.Json);
            catalogFiles.Add(added.Count(await repository.AddCompressedAsync($"catalog/{table.Table}.json", bytes, ct).ConfigureAwait(false)));
        }

        var tables = new List<BackupTable>();
        var entries = CatalogTableEntry.FromExport(export).ToList();
        foreach (var entry in entries)
        {
            added.Table(entry.Name, tables.Count, entries.Count);
            tables.Add(await BackupTableAsync(repository, entry, createdAt, added, ct).ConfigureAwait(false));
        }

        string provider;
        await using (var context = await catalog.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            provider = context.IsPostgres ? "Postgres" : "Sqlite";
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormatVersion, setId, createdAt, provider, catalogFiles, tables, label, added.Bytes);
        await repository.WriteManifestAsync(manifest, ct).ConfigureAwait(false);
        return new BackupResult(setId, tables.Count, manifest.AllFiles.Count(), manifest.TotalBytes, added.Objects, added.Bytes);
    }

    private async Task<BackupTable> BackupTableAsync(BackupRepository repository, CatalogTableEntry entry, DateTimeOffset now, AddedCounter added, CancellationToken ct)
    {
        var store = await openTableStore(entry.Location, ct).ConfigureAwait(false);
        var table = new DeltaTable(store, duckDb);
        var selection = await TableFileSelection.SelectAsync(table, entry.Version, now, ct).ConfigureAwait(false);
        var files = new List<BackupFile>();
        foreach (var key in selection.LogKeys)
        {
            if (RepositoryLayout.Compresses(key))
            {
                files.Add(added.Count(await repository.AddCompressedAsync(key, await store.GetAsync(key, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
            }
            else
            {
                files.Add(added.Count(await repository.AddStreamAsync(key, c => ObjectReadStream.OpenAsync(store, key, c), ct).ConfigureAwait(false)));
            }
        }

        foreach (var key in selection.CurrentDataKeys)
        {
            files.Add(added.Count(await repository.AddStreamAsync(key, c => ObjectReadStream.OpenAsync(store, key, c), ct).ConfigureAwait(false)));
        }

        foreach (var key in selection.HistoryDataKeys)
        {
            try
            {
                files.Add(added.Count(await repository.AddStreamAsync(key, c => ObjectReadStream.OpenAsync(store, key, c), ct).ConfigureAwait(false)));
            }
            catch (ObjectNotFoundException)
            {
                // Vacuumed already: the source cannot time-travel to the versions that read it either.
            }
        }

        return new BackupTable(entry.Name, RelativeLocation(entry), entry.Version, files);
    }

    private string RelativeLocation(CatalogTableEntry entry)
    {
        var root = Path.GetFullPath(lakehouseRoot).TrimEnd('/') + "/";
        if (entry.Location.StartsWith(root, StringComparison.Ordinal))
        {
            return entry.Location[root.Length..].TrimEnd('/');
        }

        return "external/" + entry.Name.Replace('.', '/');
    }

    /// <summary>
    /// Totals what the set added to the repository (the rest was there from earlier sets) and reports each file stored;
    /// the fraction is by table, since a table's file count is known only once its log is read.
    /// </summary>
    private sealed class AddedCounter(IProgress<BackupProgress>? progress)
    {
        private string _table = "the catalog";
        private double _fraction;
        private int _files;
        private long _bytes;

        public int Objects { get; private set; }

        public long Bytes { get; private set; }

        public void Table(string name, int index, int count) => (_table, _fraction) = (name, count == 0 ? 0 : (double)index / count);

        public BackupFile Count((BackupFile File, bool Added) stored)
        {
            if (stored.Added)
            {
                Objects++;
                Bytes += stored.File.Size;
            }

            _files++;
            _bytes += stored.File.Size;
            progress?.Report(new BackupProgress(_fraction, $"backing up {_table}", _files, _bytes, Objects, Bytes));
            return stored.File;
        }
    }
}
