using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

public sealed class BackupInPlaceRestoreTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private const string Summary = "SELECT count(*) AS n, sum(id) AS ids, sum(length(CAST(t AS VARCHAR))) AS chars FROM ({0}) t";

    [Fact]
    public Task In_place_restore_commits_one_version_with_the_set_rows_and_time_travel_still_shows_the_newer_rows() =>
        RestoreInPlaceAsync(CatalogProvider.Sqlite);

    [PostgresFact]
    public Task In_place_restore_on_a_PostgreSQL_catalog_commits_one_version_with_the_set_rows() =>
        RestoreInPlaceAsync(CatalogProvider.Postgres);

    private async Task RestoreInPlaceAsync(CatalogProvider provider)
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, provider);
        var (orders, people) = await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        var atBackup = (Orders: await SummaryAsync(orders), People: await SummaryAsync(people));
        var set = await backups.BackupAsync(CancellationToken.None);

        await orders.OverwriteAsync("SELECT 1::BIGINT AS id, 'newer' AS customer, 1.00::DECIMAL(12,2) AS amount FROM range(7)");
        await people.DeleteAsync("region = 'north'");
        // As VACUUM would: the files the overwrite replaced are gone, so the restore must bring them back from the set.
        var live = (await orders.GetSnapshotAsync()).Files.Select(f => f.Path).ToHashSet();
        foreach (var file in Directory.EnumerateFiles(lakehouse.Managed("sales", "orders"), "*.parquet").Where(f => !live.Contains(Path.GetFileName(f))))
        {
            File.Delete(file);
        }

        var newer = (Orders: await SummaryAsync(orders), People: await SummaryAsync(people));
        var versions = (Orders: (await orders.GetSnapshotAsync()).Version, People: (await people.GetSnapshotAsync()).Version);

        var result = await backups.RestoreInPlaceAsync(set.SetId, ["main.sales.orders", "main.crm.people"], CancellationToken.None);

        Assert.Equal(
            [("main.sales.orders", versions.Orders, versions.Orders + 1), ("main.crm.people", versions.People, versions.People + 1)],
            result.Tables.Select(t => (t.Name, t.PreviousVersion, t.Version)));
        Assert.Equal(atBackup, (await SummaryAsync(orders), await SummaryAsync(people)));
        Assert.Equal(newer.Orders, await SummaryAsync(orders, versions.Orders));
        Assert.Equal(newer.People, await SummaryAsync(people, versions.People));
        Assert.NotEqual(atBackup.Orders, newer.Orders);
        var recorded = BackupTestData.Tables(await lakehouse.ExportAsync()).ToDictionary(t => t.Name, t => t.Version);
        Assert.Equal((versions.Orders + 1, versions.People + 1), (recorded["main.sales.orders"], recorded["main.crm.people"]));

        // The safety set holds what the tables had just before the restore, and says why it was taken.
        var safety = (await backups.ListAsync(CancellationToken.None)).Single(s => s.SetId == result.SafetySetId);
        Assert.Contains("Safety backup", safety.Label);
        Assert.Equal(versions.Orders, safety.Tables.Single(t => t.Name == "main.sales.orders").Version);
        Assert.Null((await backups.FindAsync(set.SetId, CancellationToken.None))!.Label);
    }

    [Fact]
    public async Task In_place_restore_of_a_damaged_set_refuses_naming_the_file_and_changes_nothing()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (_, people) = await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        var set = await backups.BackupAsync(CancellationToken.None);
        await people.DeleteAsync("region = 'north'");
        var before = (Version: (await people.GetSnapshotAsync()).Version, Rows: await SummaryAsync(people));

        var repository = lakehouse.Repository();
        var victim = (await repository.ReadManifestAsync(set.SetId, CancellationToken.None)).Tables.Single(t => t.Name == "main.crm.people")
            .Files.First(f => f.Path.EndsWith(".parquet", StringComparison.Ordinal) && !f.Path.StartsWith("_delta_log/", StringComparison.Ordinal));
        var objectPath = repository.Store.GetLocalPath(RepositoryLayout.ObjectKey(victim.Sha256))!;
        var bytes = await File.ReadAllBytesAsync(objectPath);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(objectPath, bytes);

        var refused = await Assert.ThrowsAsync<BackupException>(() => backups.RestoreInPlaceAsync(set.SetId, ["main.crm.people"], CancellationToken.None));

        Assert.Contains($"main.crm.people/{victim.Path}", refused.Message);
        Assert.DoesNotContain(lakehouse.RepositoryFolder, refused.Message);
        Assert.DoesNotContain(lakehouse.DataFolder, refused.Message);
        Assert.Equal(before, ((await people.GetSnapshotAsync()).Version, await SummaryAsync(people)));
        // No safety backup either: nothing started.
        Assert.Equal([set.SetId], (await backups.ListAsync(CancellationToken.None)).Select(s => s.SetId));
    }

    [Fact]
    public async Task In_place_restore_of_a_table_the_set_lacks_is_refused_before_any_backup()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        var set = await backups.BackupAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<BackupException>(() => backups.RestoreInPlaceAsync(set.SetId, ["main.sales.nope"], CancellationToken.None));

        Assert.Contains("has no table 'main.sales.nope'", refused.Message);
        Assert.Single(await backups.ListAsync(CancellationToken.None));
    }

    private async Task<string> SummaryAsync(DeltaTable table, long? version = null) =>
        SqlProbe.Row(duck.Database, string.Format(System.Globalization.CultureInfo.InvariantCulture, Summary, DeltaTable.ToSql(await table.GetSnapshotAsync(version)))).ToString();
}
