using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>
/// Backups and retention of different processes on one repository (the app and the command line): the locks one side
/// leaves in the repository, as another process would, keep the other from deleting files a new set needs.
/// </summary>
public sealed class BackupRepositoryLockTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private static readonly BackupRetentionPolicy KeepOne = new() { Latest = 1, Daily = 0, Weekly = 0, Monthly = 0 };

    [Fact]
    public async Task Retention_while_another_process_backs_up_removes_sets_but_no_file_and_says_why_then_prunes_once_it_is_done()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        await backups.BackupAsync(CancellationToken.None);
        await orders.DeleteAsync("id < 100");
        await backups.BackupAsync(CancellationToken.None);
        var objects = (await BackupTestData.ObjectHashesAsync(lakehouse.Repository())).Count;

        var otherProcess = new RepositoryLocks(new LocalObjectStore(lakehouse.RepositoryFolder), TimeProvider.System);
        var held = await otherProcess.TakeAsync(RepositoryLocks.Backup, CancellationToken.None);
        var during = await backups.ApplyRetentionAsync(KeepOne, dryRun: false, CancellationToken.None);

        Assert.Single(during.Removed);
        Assert.Equal(0, during.ObjectsRemoved);
        Assert.Contains("a backup is running", during.ObjectsKeptBecause, StringComparison.Ordinal);
        Assert.Equal(objects, (await BackupTestData.ObjectHashesAsync(lakehouse.Repository())).Count);

        await held.DisposeAsync();
        var after = await backups.ApplyRetentionAsync(KeepOne, dryRun: false, CancellationToken.None);
        Assert.True(after.ObjectsRemoved > 0, "the files only the removed set needed go once no backup runs");
        Assert.Null(after.ObjectsKeptBecause);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(lakehouse.RepositoryFolder, "locks")));
    }

    [Fact]
    public async Task A_backup_waits_for_retention_of_another_process_and_refuses_naming_it_when_it_does_not_finish()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var otherProcess = new RepositoryLocks(new LocalObjectStore(lakehouse.RepositoryFolder), TimeProvider.System);
        await using var pruning = await otherProcess.TakeAsync(RepositoryLocks.Retention, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<BackupException>(() => NoWait(lakehouse).BackupAsync(CancellationToken.None));

        Assert.Contains("Retention of another process", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.MachineName, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await lakehouse.Repository().ListSetsAsync(CancellationToken.None));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(lakehouse.RepositoryFolder, "locks")));
    }

    [Fact]
    public async Task A_lock_a_crashed_process_left_a_day_ago_holds_nothing_and_a_finished_backup_leaves_no_lock()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var yesterday = new BackupClock(DateTimeOffset.UtcNow - RepositoryLocks.Stale - TimeSpan.FromMinutes(1));
        await new RepositoryLocks(new LocalObjectStore(lakehouse.RepositoryFolder), yesterday).TakeAsync(RepositoryLocks.Retention, CancellationToken.None);

        var result = await NoWait(lakehouse).BackupAsync(CancellationToken.None);

        Assert.Equal(2, result.Tables);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(lakehouse.RepositoryFolder, "locks")));
    }

    private static LakehouseBackups NoWait(BackupLakehouse lakehouse) => lakehouse.Backups(retentionWait: TimeSpan.Zero);
}
