using System.Diagnostics;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Backup;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Web.Cli;

/// <summary>
/// A backup process killed with SIGKILL part way (the command line, run as operators run it: <c>dotnet NeuroLake.Web.dll backup</c>)
/// leaves the repository usable: earlier sets verify, the half-copied files are pruned, and the next backup succeeds.
/// </summary>
public sealed class BackupKillTests(CatalogDatabases databases, DuckDbFixture duck) : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [Fact]
    public async Task A_backup_killed_while_copying_leaves_earlier_sets_usable_and_the_next_backup_complete()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var backups = lakehouse.Backups();
        var first = await backups.BackupAsync(CancellationToken.None);
        // Enough files that copying them takes a while (each is a few round trips): the kill lands between the first
        // new object and the manifest.
        await lakehouse.Table(lakehouse.Managed("sales", "events")).CreateAsync(
            new TableDefinition { PartitionColumns = ["day"] }, "SELECT i::BIGINT AS id, i % 1500 AS day, md5(i::VARCHAR) AS payload FROM range(300000) t(i)");
        var objectsBefore = (await BackupTestData.ObjectHashesAsync(lakehouse.Repository())).Count;
        var filesBefore = RepositoryFileCount(lakehouse);

        using (var process = StartBackupProcess(lakehouse))
        {
            var waited = Stopwatch.StartNew();
            // The first file the new backup writes (the catalog's export comes first, the tables' files after it).
            while (RepositoryFileCount(lakehouse) <= filesBefore && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(5);
            }

            if (process.HasExited)
            {
                Assert.Fail($"the backup process ended before it could be killed: {await process.StandardError.ReadToEndAsync()}");
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Equal([first.SetId], await lakehouse.Repository().ListSetsAsync(CancellationToken.None));
        Assert.True((await BackupTestData.ObjectHashesAsync(lakehouse.Repository())).Count > objectsBefore, "the killed backup had copied files");
        Assert.True((await backups.VerifyAsync(first.SetId, CancellationToken.None)).Usable);

        // The killed process's lock holds nothing: retention prunes what it copied, since no set names it.
        var retention = await backups.ApplyRetentionAsync(new() { Latest = 10 }, dryRun: false, CancellationToken.None);
        Assert.Null(retention.ObjectsKeptBecause);
        Assert.True(retention.ObjectsRemoved > 0);

        var next = await backups.BackupAsync(CancellationToken.None);
        Assert.Equal(3, next.Tables);
        var verify = await backups.VerifyAsync(next.SetId, CancellationToken.None);
        Assert.True(verify.Usable, string.Join(", ", verify.Problems.Select(p => p.Path)));
    }

    private static int RepositoryFileCount(BackupLakehouse lakehouse) =>
        Directory.EnumerateFiles(Path.Combine(lakehouse.RepositoryFolder, "objects"), "*", SearchOption.AllDirectories).Count();

    private static Process StartBackupProcess(BackupLakehouse lakehouse)
    {
        var connection = lakehouse.CatalogConnection;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "NeuroLake.Web.dll"), "backup",
                     $"--NeuroLake:DataDirectory={lakehouse.DataFolder}", $"--NeuroLake:Backup:Target={lakehouse.RepositoryFolder}",
                     $"--NeuroLake:Catalog:Provider={connection.Provider}", $"--ConnectionStrings:Catalog={connection.ConnectionString}",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
