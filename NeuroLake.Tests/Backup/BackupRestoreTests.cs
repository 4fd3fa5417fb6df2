using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

public sealed class BackupRestoreTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [Fact]
    public async Task A_backup_taken_while_a_writer_commits_restores_every_table_with_the_rows_of_its_recorded_version()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        using var stop = new CancellationTokenSource();
        var firstCommit = new TaskCompletionSource();
        var writer = Task.Run(async () =>
        {
            var table = lakehouse.Table(lakehouse.Managed("sales", "orders"));
            for (var i = 0; ; i++)
            {
                await table.AppendAsync($"SELECT {5000 + i}::BIGINT AS id, 'writer' AS customer, 1.00::DECIMAL(12,2) AS amount");
                firstCommit.TrySetResult();
                if (stop.IsCancellationRequested)
                {
                    return i + 1;
                }
            }
        });
        await firstCommit.Task;

        var result = await lakehouse.Backup().RunAsync(lakehouse.Repository(), CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        var repository = lakehouse.Repository();
        var manifest = await repository.ReadManifestAsync(result.SetId, CancellationToken.None);
        var recordedOrders = manifest.Tables.Single(t => t.Name == "main.sales.orders").Version;
        var latestOrders = (await new DeltaTable(orders.Store, duck.Database).GetSnapshotAsync()).Version;
        Assert.True(latestOrders > recordedOrders, $"the writer kept committing after the backup (recorded {recordedOrders}, latest {latestOrders})");

        await using var target = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var restoredRoot = lakehouse.NewFolder("restored");
        await new LakehouseRestore(repository, TimeProvider.System)
            .RestoreAsync(result.SetId, restoredRoot, Factory(target), CancellationToken.None);

        var restored = BackupTestData.Tables(await new CatalogExport(Factory(target)).ExportAsync(CancellationToken.None));
        Assert.Equal(["main.crm.people", "main.sales.orders"], restored.Select(t => t.Name));
        foreach (var table in manifest.Tables)
        {
            var entry = restored.Single(t => t.Name == table.Name);
            Assert.StartsWith(restoredRoot, entry.Location, StringComparison.Ordinal);
            Assert.Equal(table.Version, entry.Version);
            Assert.Equal(table.Version, (await new DeltaTable(new LocalObjectStore(entry.Location), duck.Database).GetSnapshotAsync()).Version);
            var source = await BackupTestData.SqlAtAsync(duck.Database, Path.Combine(lakehouse.DataFolder, table.RelativeLocation), table.Version);
            var copy = await BackupTestData.SqlAtAsync(duck.Database, entry.Location, table.Version);
            var (onlySource, onlyCopy, rows) = BackupTestData.Difference(duck.Database, source, copy);
            Assert.Equal((0L, 0L), (onlySource, onlyCopy));
            Assert.True(rows > 0, $"{table.Name} has rows to compare");
        }
    }

    [Fact]
    public async Task An_incremental_backup_after_one_insert_copies_only_the_new_files()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var repository = lakehouse.Repository();
        var first = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);
        var before = await BackupTestData.ObjectHashesAsync(repository);
        Assert.Equal(before.Count, first.NewObjects);

        await orders.AppendAsync("SELECT 9000::BIGINT AS id, 'one more' AS customer, 3.50::DECIMAL(12,2) AS amount");
        var second = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);

        var after = await BackupTestData.ObjectHashesAsync(repository);
        var added = after.Except(before).ToHashSet();
        Assert.Equal(added.Count, second.NewObjects);
        var manifest = await repository.ReadManifestAsync(second.SetId, CancellationToken.None);
        var newTableFiles = manifest.Tables.SelectMany(t => t.Files.Select(f => (t.Name, f))).Where(x => added.Contains(x.f.Sha256)).ToList();
        Assert.Equal(2, newTableFiles.Count);
        Assert.All(newTableFiles, x => Assert.Equal("main.sales.orders", x.Name));
        Assert.Single(newTableFiles, x => x.f.Path.EndsWith(".parquet", StringComparison.Ordinal) && !x.f.Path.StartsWith("_delta_log/", StringComparison.Ordinal));
        Assert.Single(newTableFiles, x => x.f.Path == $"_delta_log/{manifest.Tables.Single(t => t.Name == "main.sales.orders").Version:D20}.json");
        // The rest of what was new is catalog tables whose rows changed (the table's recorded version at least).
        var newCatalogFiles = manifest.CatalogFiles.Where(f => added.Contains(f.Sha256)).ToList();
        Assert.Contains(newCatalogFiles, f => f.Path == "catalog/tables.json");
        Assert.Equal(added.Count, newTableFiles.Count + newCatalogFiles.Count);
        Assert.True(second.Files > second.NewObjects, "most files of the second set were already in the repository");
    }

    [Fact]
    public async Task A_flipped_byte_fails_verify_naming_the_file_and_restore_refuses_the_set()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var repository = lakehouse.Repository();
        var result = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);
        var verifier = new BackupVerifier(repository, TimeProvider.System);
        Assert.True((await verifier.VerifyAsync(result.SetId, CancellationToken.None)).Usable);

        var manifest = await repository.ReadManifestAsync(result.SetId, CancellationToken.None);
        var people = manifest.Tables.Single(t => t.Name == "main.crm.people");
        var victim = people.Files.First(f => f.Path.EndsWith(".parquet", StringComparison.Ordinal) && !f.Path.StartsWith("_delta_log/", StringComparison.Ordinal));
        var objectPath = repository.Store.GetLocalPath(RepositoryLayout.ObjectKey(victim.Sha256))!;
        var bytes = await File.ReadAllBytesAsync(objectPath);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(objectPath, bytes);

        var verify = await verifier.VerifyAsync(result.SetId, CancellationToken.None);

        Assert.False(verify.Usable);
        var problem = Assert.Single(verify.Problems);
        Assert.Equal(($"main.crm.people/{victim.Path}", BackupFileProblemKind.Damaged), (problem.Path, problem.Kind));
        Assert.False((await repository.ReadVerifyResultAsync(result.SetId, CancellationToken.None))!.Usable);

        await using var target = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var restoredRoot = lakehouse.NewFolder("restored");
        var refused = await Assert.ThrowsAsync<BackupException>(() =>
            new LakehouseRestore(repository, TimeProvider.System).RestoreAsync(result.SetId, restoredRoot, Factory(target), CancellationToken.None));
        Assert.Contains($"main.crm.people/{victim.Path}", refused.Message);
        Assert.DoesNotContain(lakehouse.RepositoryFolder, refused.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(restoredRoot));
        var tableRefused = await Assert.ThrowsAsync<BackupException>(() => new TableRestore(repository, TimeProvider.System)
            .RestoreAsync(result.SetId, "main.sales.orders", new LocalObjectStore(lakehouse.NewFolder("one")), CancellationToken.None));
        Assert.Contains("failed verify", tableRefused.Message);
    }

    [Fact]
    public async Task A_crash_between_objects_and_manifest_leaves_the_repository_usable_and_the_next_backup_succeeds()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var store = new LocalObjectStore(lakehouse.RepositoryFolder);

        await Assert.ThrowsAsync<IOException>(() => lakehouse.Backup().RunAsync(new BackupRepository(new FailingManifestStore(store)), CancellationToken.None));
        var repository = new BackupRepository(store);
        Assert.Empty(await repository.ListSetsAsync(CancellationToken.None));
        var orphans = await BackupTestData.ObjectHashesAsync(repository);
        Assert.NotEmpty(orphans);

        var result = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);

        Assert.Equal([result.SetId], await repository.ListSetsAsync(CancellationToken.None));
        // Every file the crashed run had stored is reused, not copied again.
        Assert.Equal(0, result.NewObjects);
        Assert.True((await new BackupVerifier(repository, TimeProvider.System).VerifyAsync(result.SetId, CancellationToken.None)).Usable);
    }

    [Fact]
    public async Task One_table_restores_into_the_running_lakehouse_under_a_new_name_with_the_same_rows()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (_, people) = await BackupTestData.CreateAsync(lakehouse);
        var repository = lakehouse.Repository();
        var result = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);
        await people.DeleteAsync("region = 'north'");

        var location = Directory.CreateDirectory(lakehouse.Managed("crm", "people_restored")).FullName;
        var table = await new TableRestore(repository, TimeProvider.System)
            .RestoreAsync(result.SetId, "main.crm.people", new LocalObjectStore(location), CancellationToken.None);
        var discovered = await lakehouse.Discovery.DiscoverAsync(location, "main", "crm");

        Assert.Equal("people_restored", Assert.Single(discovered.Registered).Name.Table);
        var restored = BackupTestData.Tables(await lakehouse.ExportAsync()).Single(t => t.Name == "main.crm.people_restored");
        Assert.Equal(table.Version, restored.Version);
        var (onlySource, onlyCopy, rows) = BackupTestData.Difference(
            duck.Database,
            await BackupTestData.SqlAtAsync(duck.Database, lakehouse.Managed("crm", "people"), table.Version),
            await BackupTestData.SqlAtAsync(duck.Database, location, table.Version));
        Assert.Equal((0L, 0L, 54L), (onlySource, onlyCopy, rows));
        // Version 0 read files the DELETE removed: they are inside the retention, so the set carries them for time travel.
        var (onlySourceAt0, onlyCopyAt0, rowsAt0) = BackupTestData.Difference(
            duck.Database,
            await BackupTestData.SqlAtAsync(duck.Database, lakehouse.Managed("crm", "people"), 0),
            await BackupTestData.SqlAtAsync(duck.Database, location, 0));
        Assert.Equal((0L, 0L, 60L), (onlySourceAt0, onlyCopyAt0, rowsAt0));
        Assert.Equal(0L, SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({DeltaTable.ToSql(await people.GetSnapshotAsync())}) WHERE region = 'north'"));
    }

    [PostgresFact]
    public async Task A_backup_of_a_SQLite_catalog_restores_into_PostgreSQL_with_the_same_rows_and_keys()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var repository = lakehouse.Repository();
        var result = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);
        var source = await lakehouse.ExportAsync();

        await using var target = await databases.CreateMigratedAsync(CatalogProvider.Postgres);
        var restoredRoot = lakehouse.NewFolder("restored");
        await new LakehouseRestore(repository, TimeProvider.System).RestoreAsync(result.SetId, restoredRoot, Factory(target), CancellationToken.None);
        var restored = await new CatalogExport(Factory(target)).ExportAsync(CancellationToken.None);

        Assert.Equal(source.Select(t => t.Table), restored.Select(t => t.Table));
        Assert.Contains(source, t => t.Table == "search_documents" && t.Rows.Count > 0);
        foreach (var (before, after) in source.Zip(restored))
        {
            var expected = before.Rows.Select(r => Normalized(r, lakehouse.DataFolder, restoredRoot)).Order(StringComparer.Ordinal);
            var actual = after.Rows.Select(r => r.ToJsonString()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }

        foreach (var table in BackupTestData.Tables(restored))
        {
            var original = BackupTestData.Tables(source).Single(t => t.Name == table.Name);
            var (onlySource, onlyCopy, _) = BackupTestData.Difference(
                duck.Database,
                await BackupTestData.SqlAtAsync(duck.Database, original.Location, original.Version),
                await BackupTestData.SqlAtAsync(duck.Database, table.Location, table.Version));
            Assert.Equal((0L, 0L), (onlySource, onlyCopy));
        }
    }

    // Locations are the one thing a restore changes: they move from the old data folder to the new one.
    private static string Normalized(System.Text.Json.Nodes.JsonObject row, string from, string to) =>
        row.ToJsonString().Replace(System.Text.Json.JsonEncodedText.Encode(from).ToString(), System.Text.Json.JsonEncodedText.Encode(to).ToString(), StringComparison.Ordinal);

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
}
