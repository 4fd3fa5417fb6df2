using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// What a host does with the backup repository: list sets with their state, take a set, verify one, and restore one
/// table of a set into the running lakehouse under a new name (registered in the catalog by discovery). Who may do
/// this is the host's decision; the repository and table stores come from configuration through <paramref name="stores"/>.
/// </summary>
public sealed class LakehouseBackups
{
    private readonly string repositoryTarget;
    private readonly ObjectStoreFactory stores;
    private readonly IDbContextFactory<CatalogDbContext> catalog;
    private readonly DuckDbDatabase duckDb;
    private readonly string lakehouseRoot;
    private readonly WarehouseLayout layout;
    private readonly DeltaTableDiscovery discovery;
    private readonly TimeProvider time;
    private readonly CatalogTableObserver observer;

    /// <summary>Backups and retention of this host take turns (see <see cref="ApplyRetentionAsync"/>).</summary>
    private readonly SemaphoreSlim writers = new(1, 1);

    /// <param name="repositoryTarget">The repository's folder or <c>s3://</c> prefix.</param>
    /// <param name="lakehouseRoot">The data folder, which set table locations are relative to.</param>
    internal LakehouseBackups(
        string repositoryTarget, ObjectStoreFactory stores, IDbContextFactory<CatalogDbContext> catalog, DuckDbDatabase duckDb,
        string lakehouseRoot, WarehouseLayout layout, DeltaTableDiscovery discovery, CatalogTableObserver observer, TimeProvider time) =>
        (this.repositoryTarget, this.stores, this.catalog, this.duckDb, this.lakehouseRoot, this.layout, this.discovery, this.observer, this.time) =
        (repositoryTarget, stores, catalog, duckDb, lakehouseRoot, layout, discovery, observer, time);

    /// <summary>Every finished set, newest first, with its latest verify result; a set whose manifest is damaged is listed as unusable.</summary>
    public async Task<IReadOnlyList<BackupSetInfo>> ListAsync(CancellationToken ct)
    {
        var repository = await RepositoryAsync(ct).ConfigureAwait(false);
        var sets = new List<BackupSetInfo>();
        foreach (var id in (await repository.ListSetsAsync(ct).ConfigureAwait(false)).Reverse())
        {
            sets.Add(await DescribeAsync(repository, id, ct).ConfigureAwait(false));
        }

        return sets;
    }

    /// <summary>The set, or null when the repository has no finished set with that id.</summary>
    public async Task<BackupSetInfo?> FindAsync(string setId, CancellationToken ct)
    {
        var repository = await RepositoryAsync(ct).ConfigureAwait(false);
        return (await repository.ListSetsAsync(ct).ConfigureAwait(false)).Contains(setId, StringComparer.Ordinal)
            ? await DescribeAsync(repository, setId, ct).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// When the newest finished set was taken, read from its id (which starts with its UTC time) so no manifest is read;
    /// null when there is none.
    /// </summary>
    public async Task<DateTimeOffset?> LastSetAtAsync(CancellationToken ct)
    {
        var repository = await RepositoryAsync(ct).ConfigureAwait(false);
        var newest = (await repository.ListSetsAsync(ct).ConfigureAwait(false)).Order(StringComparer.Ordinal).LastOrDefault();
        return newest is not null && DateTimeOffset.TryParseExact(
            newest.Split('-')[0], "yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
    }

    /// <summary>Takes a set of the catalog and every table at the version the catalog recorded.</summary>
    /// <param name="label">Why the set was taken when not on request (shown with the set).</param>
    public async Task<BackupResult> BackupAsync(CancellationToken ct, IProgress<BackupProgress>? progress = null, string? label = null)
    {
        var backup = new LakehouseBackup(catalog, duckDb, lakehouseRoot, (location, c) => stores.OpenAsync(location, c), time);
        var repository = await RepositoryAsync(ct).ConfigureAwait(false);
        // Retention must not prune objects this backup added before its manifest names them: in this process the
        // semaphore keeps them apart, across processes the repository's locks.
        await writers.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var held = await LockForBackupAsync(repository, progress, ct).ConfigureAwait(false);
            return await backup.RunAsync(repository, ct, progress, label).ConfigureAwait(false);
        }
        finally
        {
            writers.Release();
        }
    }

    /// <summary>
    /// Applies <paramref name="policy"/> (see <see cref="BackupRetention"/>), or with <paramref name="dryRun"/> only says
    /// what it would remove. Waits for a backup of this host that is running.
    /// </summary>
    public async Task<BackupRetentionPlan> ApplyRetentionAsync(BackupRetentionPolicy policy, bool dryRun, CancellationToken ct)
    {
        var repository = await RepositoryAsync(ct).ConfigureAwait(false);
        await writers.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var locks = new RepositoryLocks(repository.Store, time);
            await using var held = dryRun ? null : await locks.TakeAsync(RepositoryLocks.Retention, ct).ConfigureAwait(false);
            var backups = await locks.OthersAsync(RepositoryLocks.Backup, held, ct).ConfigureAwait(false);
            var objectsHeld = backups.Count == 0
                ? null
                : $"a backup is running ({backups[0]}); the files it is adding are not listed yet, so unreferenced files are pruned by the next retention.";
            return await new BackupRetention(repository).RunAsync(policy, dryRun, ct, objectsHeld).ConfigureAwait(false);
        }
        finally
        {
            writers.Release();
        }
    }

    /// <summary>Re-reads every file of the set and stores the result, which the set's state follows from then on.</summary>
    /// <exception cref="BackupException">The set does not exist or its manifest cannot be read.</exception>
    public async Task<BackupVerifyResult> VerifyAsync(string setId, CancellationToken ct, IProgress<BackupProgress>? progress = null) =>
        await new BackupVerifier(await RepositoryAsync(ct).ConfigureAwait(false), time).VerifyAsync(setId, ct, progress).ConfigureAwait(false);

    /// <summary>
    /// Restores <paramref name="tableName"/> of the set (verified first, refused when it fails) into the managed folder of
    /// <c>catalog.schema.newTable</c>, which must be new, and registers it; returns the version restored.
    /// </summary>
    public async Task<long> RestoreTableAsync(string setId, string tableName, string catalogName, string schema, string newTable, CancellationToken ct)
    {
        var location = layout.LocationOf(catalogName, schema, newTable);
        if (Directory.Exists(location) && Directory.EnumerateFileSystemEntries(location).Any())
        {
            throw new BackupException($"{catalogName}.{schema}.{newTable} already has a folder with files: restore under a name no table has had.");
        }

        Directory.CreateDirectory(location);
        try
        {
            var table = await new TableRestore(await RepositoryAsync(ct).ConfigureAwait(false), time)
                .RestoreAsync(setId, tableName, new LocalObjectStore(location), ct).ConfigureAwait(false);
            await discovery.DiscoverAsync(location, catalogName, schema, ct).ConfigureAwait(false);
            return table.Version;
        }
        catch when (!File.Exists(Path.Combine(location, "_delta_log", "00000000000000000000.json")))
        {
            // Nothing usable was written: leave no folder that would block the name.
            Directory.Delete(location, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Restores the whole set (verified first, refused when it fails) into <paramref name="targetRoot"/>, which must be
    /// new or empty, with a new catalog database (<paramref name="connectionString"/> null: <c>catalog.db</c> in the
    /// folder for SQLite; PostgreSQL needs a database holding no NeuroLake table): every table at its place under the new
    /// folder, the catalog's rows pointing there. Returns the tables restored with their versions.
    /// </summary>
    /// <exception cref="BackupException">The set is missing or damaged, or the target folder or catalog is not empty.</exception>
    public async Task<IReadOnlyList<BackupSetTable>> RestoreLakehouseAsync(
        string setId, string targetRoot, CatalogProvider provider, string? connectionString, CancellationToken ct)
    {
        var root = Path.GetFullPath(targetRoot);
        // Refused before the new catalog is created in it: a folder with files is somebody's.
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new BackupException(string.Equals(root.TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(lakehouseRoot).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
                ? "The target is this lakehouse's own data folder: restore the whole lakehouse into a new, empty folder."
                : "The target folder is not empty: restore the whole lakehouse into a new, empty folder.");
        }

        await using var target = new ServiceCollection().AddLogging().AddNeuroLakeCatalog(provider, connectionString, root).BuildServiceProvider();
        await target.MigrateCatalogAsync(ct).ConfigureAwait(false);
        var targetCatalog = target.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        await using (var db = await targetCatalog.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            if (await db.Tables.AnyAsync(ct).ConfigureAwait(false))
            {
                throw new BackupException("The target catalog already has tables: restore into a new, empty catalog database.");
            }
        }

        var manifest = await new LakehouseRestore(await RepositoryAsync(ct).ConfigureAwait(false), time)
            .RestoreAsync(setId, root, targetCatalog, ct).ConfigureAwait(false);
        return manifest.Tables.Select(t => new BackupSetTable(t.Name, t.Version, t.Files.Sum(f => f.Size))).ToList();
    }

    /// <summary>
    /// The backup's repository lock, once no retention of another process is pruning (waits up to
    /// <see cref="RetentionWait"/>, then refuses).
    /// </summary>
    private async Task<RepositoryLocks.Held> LockForBackupAsync(BackupRepository repository, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        var locks = new RepositoryLocks(repository.Store, time);
        var waited = TimeSpan.Zero;
        while (true)
        {
            var held = await locks.TakeAsync(RepositoryLocks.Backup, ct).ConfigureAwait(false);
            var pruning = await locks.OthersAsync(RepositoryLocks.Retention, held, ct).ConfigureAwait(false);
            if (pruning.Count == 0)
            {
                return held;
            }

            await held.DisposeAsync().ConfigureAwait(false);
            if (waited >= RetentionWait)
            {
                throw new BackupException($"Retention of another process ({pruning[0]}) has been pruning the repository for {RetentionWait.TotalMinutes:0} minutes: try the backup again when it has finished.");
            }

            progress?.Report(new BackupProgress(0, $"waiting for retention of another process ({pruning[0]}) to finish", 0, 0, 0, 0));
            await Task.Delay(RetentionPoll, time, ct).ConfigureAwait(false);
            waited += RetentionPoll;
        }
    }

    /// <summary>How long a backup waits for another process's retention run.</summary>
    internal TimeSpan RetentionWait { get; init; } = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RetentionPoll = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Restores <paramref name="tableNames"/> of the set over the live tables of the same names: the set is verified first
    /// (refused, naming its damaged files, before anything is written), then a safety backup of the whole lakehouse is
    /// taken (a normal set, labelled), then each table gets ONE new version holding the set's rows, so time travel
    /// still shows what it held before.
    /// </summary>
    /// <exception cref="BackupException">The set is damaged, lacks a table, or a table is no longer in the catalog.</exception>
    public async Task<InPlaceRestoreResult> RestoreInPlaceAsync(
        string setId, IReadOnlyList<string> tableNames, CancellationToken ct, IProgress<BackupProgress>? progress = null)
    {
        var restore = new SetRestore(await RepositoryAsync(ct).ConfigureAwait(false), time);
        var manifest = await restore.OpenVerifiedAsync(setId, ct).ConfigureAwait(false);
        var locations = await LiveLocationsAsync(ct).ConfigureAwait(false);
        var plan = tableNames.Select(name =>
        {
            var table = manifest.Tables.SingleOrDefault(t => t.Name == name)
                ?? throw new BackupException($"Backup set '{setId}' has no table '{name}'; it holds {string.Join(", ", manifest.Tables.Select(t => t.Name))}.");
            return locations.TryGetValue(name, out var location)
                ? (Table: table, Location: location)
                : throw new BackupException($"{name} is not in the catalog any more, so there is nothing to restore in place: restore it under a new name.");
        }).ToList();

        var safety = await BackupAsync(ct, progress, $"Safety backup before restoring {string.Join(", ", tableNames)} in place from set {setId}").ConfigureAwait(false);
        var restored = new List<InPlaceRestoredTable>();
        foreach (var (table, location) in plan)
        {
            progress?.Report(new BackupProgress((double)restored.Count / plan.Count, $"restoring {table.Name} in place", restored.Count, 0, 0, 0));
            var live = new DeltaTable(await stores.OpenAsync(location, ct).ConfigureAwait(false), duckDb, new DeltaTableOptions { Observer = observer, Clock = time });
            var (before, after) = await new TableInPlaceRestore(restore, duckDb).RestoreAsync(setId, table, live, ct).ConfigureAwait(false);
            restored.Add(new InPlaceRestoredTable(table.Name, table.Version, before, after));
        }

        return new InPlaceRestoreResult(safety.SetId, restored);
    }

    private async Task<Dictionary<string, string>> LiveLocationsAsync(CancellationToken ct)
    {
        await using var context = await catalog.CreateDbContextAsync(ct).ConfigureAwait(false);
        var tables = await context.Tables.AsNoTracking()
            .Select(t => new { Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name, t.Location })
            .ToListAsync(ct).ConfigureAwait(false);
        return tables.ToDictionary(t => $"{t.Catalog}.{t.Schema}.{t.Name}", t => t.Location, StringComparer.Ordinal);
    }

    private async Task<BackupRepository> RepositoryAsync(CancellationToken ct)
    {
        if (!repositoryTarget.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(repositoryTarget);
        }

        return new BackupRepository(await stores.OpenAsync(repositoryTarget, ct).ConfigureAwait(false));
    }

    private static async Task<BackupSetInfo> DescribeAsync(BackupRepository repository, string setId, CancellationToken ct)
    {
        var verify = await repository.ReadVerifyResultAsync(setId, ct).ConfigureAwait(false);
        try
        {
            var manifest = await repository.ReadManifestAsync(setId, ct).ConfigureAwait(false);
            var tables = manifest.Tables.Select(t => new BackupSetTable(t.Name, t.Version, t.Files.Sum(f => f.Size))).ToList();
            return new BackupSetInfo(setId, manifest.CreatedAt, tables, manifest.AllFiles.Count(), manifest.TotalBytes, verify, null,
                manifest.NewBytes, manifest.Label);
        }
        catch (BackupException e)
        {
            return new BackupSetInfo(setId, null, [], 0, 0, verify, e.Message);
        }
    }
}
