using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Backup;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;
using NeuroLake.Web.Cli;

namespace NeuroLake.Tests.Web.Cli;

/// <summary>
/// The operator command line run in-process as <c>dotnet NeuroLake.Web.dll ...</c> runs it: on a lakehouse of its own,
/// with the app's configuration given as <c>--Section:Key=value</c>, against real SQLite, DuckDB and backup folders.
/// </summary>
public sealed class OperatorCliTests(CatalogDatabases databases, DuckDbFixture duck) : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--NeuroLake:DataDirectory=/srv/lake")]
    public async Task Arguments_that_are_not_a_command_start_the_web_app(params string[] args)
    {
        Assert.Null(await OperatorCli.TryRunAsync(args, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public async Task A_backup_taken_from_the_command_line_is_listed_verified_and_restores_the_whole_lakehouse_with_the_same_rows()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);

        var backup = await RunAsync(lakehouse, "backup");
        Assert.Equal(0, backup.Code);
        Assert.Contains("2 tables", backup.Output, StringComparison.Ordinal);
        Assert.Contains("backing up the catalog", backup.Error, StringComparison.Ordinal);
        var setId = backup.Output.Split(' ')[2].TrimEnd(':');

        var list = await RunAsync(lakehouse, "backups");
        Assert.Equal(0, list.Code);
        Assert.Contains(setId, list.Output, StringComparison.Ordinal);
        Assert.Contains("unverified", list.Output, StringComparison.Ordinal);

        var verify = await RunAsync(lakehouse, "verify", setId);
        Assert.Equal((0, true), (verify.Code, verify.Output.Contains($"{setId}: usable", StringComparison.Ordinal)));

        var into = Path.Combine(lakehouse.NewFolder("restore-parent"), "lake");
        var restore = await RunAsync(lakehouse, "restore", setId, "--into", into);
        Assert.True(restore.Code == 0, restore.Error);
        Assert.Contains("main.sales.orders at version", restore.Output, StringComparison.Ordinal);

        // The restored folder is a lakehouse of its own: its SQLite catalog points at its own copies, same rows.
        await using var restored = new ServiceCollection().AddLogging().AddNeuroLakeCatalog(CatalogProvider.Sqlite, null, into).BuildServiceProvider();
        var tables = BackupTestData.Tables(await new CatalogExport(restored.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<NeuroLake.Engine.Catalog.Model.CatalogDbContext>>()).ExportAsync(CancellationToken.None));
        Assert.Equal(["main.crm.people", "main.sales.orders"], tables.Select(t => t.Name));
        foreach (var table in tables)
        {
            Assert.StartsWith(into, table.Location, StringComparison.Ordinal);
            var original = Path.Combine(lakehouse.Warehouse, "main", table.Name.Split('.')[1], table.Name.Split('.')[2]);
            var (onlySource, onlyCopy, rows) = BackupTestData.Difference(
                duck.Database, await BackupTestData.SqlAtAsync(duck.Database, original, table.Version), await BackupTestData.SqlAtAsync(duck.Database, table.Location, table.Version));
            Assert.Equal((0L, 0L), (onlySource, onlyCopy));
            Assert.True(rows > 0);
        }
    }

    [Fact]
    public async Task Verify_exits_with_3_and_names_the_damaged_file_and_restore_then_refuses_and_writes_nothing()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        var setId = (await RunAsync(lakehouse, "backup")).Output.Split(' ')[2].TrimEnd(':');
        var parquet = Directory.EnumerateFiles(Path.Combine(lakehouse.RepositoryFolder, "objects"), "*", SearchOption.AllDirectories)
            .First(f => File.ReadAllBytes(f).AsSpan(0, 4).SequenceEqual("PAR1"u8));
        var bytes = await File.ReadAllBytesAsync(parquet);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(parquet, bytes);

        var verify = await RunAsync(lakehouse, "verify", "--all");
        Assert.Equal(3, verify.Code);
        Assert.Contains($"{setId}: UNUSABLE", verify.Output, StringComparison.Ordinal);
        Assert.Contains("damaged: main.", verify.Output, StringComparison.Ordinal);
        Assert.Contains(".parquet", verify.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(lakehouse.RepositoryFolder, verify.Output, StringComparison.Ordinal);

        var into = Path.Combine(lakehouse.NewFolder("restore-parent"), "lake");
        var restore = await RunAsync(lakehouse, "restore", setId, "--into", into);
        Assert.Equal(1, restore.Code);
        Assert.False(Directory.Exists(Path.Combine(into, "warehouse")), "a damaged set restores no table");
    }

    [Fact]
    public async Task Restore_into_a_folder_with_files_or_into_the_lakehouse_itself_is_refused_and_leaves_them_untouched()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var setId = (await RunAsync(lakehouse, "backup")).Output.Split(' ')[2].TrimEnd(':');
        var versionBefore = (await new DeltaTable(orders.Store, duck.Database).GetSnapshotAsync()).Version;

        var own = await RunAsync(lakehouse, "restore", setId, "--into", lakehouse.DataFolder);
        Assert.Equal(1, own.Code);
        Assert.Contains("own data folder", own.Error, StringComparison.Ordinal);
        Assert.Equal(versionBefore, (await new DeltaTable(new LocalObjectStore(lakehouse.Managed("sales", "orders")), duck.Database).GetSnapshotAsync()).Version);
        Assert.False(File.Exists(Path.Combine(lakehouse.DataFolder, "catalog.db")), "no second catalog was created in the lakehouse's folder");

        var occupied = lakehouse.NewFolder("occupied");
        await File.WriteAllTextAsync(Path.Combine(occupied, "notes.txt"), "mine");
        var other = await RunAsync(lakehouse, "restore", setId, "--into", occupied);
        Assert.Equal(1, other.Code);
        Assert.Contains("not empty", other.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(occupied).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Tables_restore_from_the_command_line_in_place_after_a_safety_backup_and_under_a_new_name()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var (orders, _) = await BackupTestData.CreateAsync(lakehouse);
        var setId = (await RunAsync(lakehouse, "backup")).Output.Split(' ')[2].TrimEnd(':');
        var atBackup = await new DeltaTable(orders.Store, duck.Database).GetSnapshotAsync();
        await orders.DeleteAsync("id < 150");
        var damaged = (await new DeltaTable(orders.Store, duck.Database).GetSnapshotAsync()).Version;

        var inPlace = await RunAsync(lakehouse, "restore", setId, "--table", "main.sales.orders", "--in-place");

        Assert.True(inPlace.Code == 0, inPlace.Error);
        Assert.Contains("safety backup taken first", inPlace.Output, StringComparison.Ordinal);
        var restored = await new DeltaTable(orders.Store, duck.Database).GetSnapshotAsync();
        Assert.Equal(damaged + 1, restored.Version);
        var (onlyBackup, onlyRestored, rows) = BackupTestData.Difference(duck.Database, DeltaTable.ToSql(atBackup), DeltaTable.ToSql(restored));
        Assert.Equal((0L, 0L, 205L), (onlyBackup, onlyRestored, rows));
        Assert.Equal(2, (await lakehouse.Backups().ListAsync(CancellationToken.None)).Count);

        var copy = await RunAsync(lakehouse, "restore", setId, "--table", "main.sales.orders", "--as", "main.sales.orders_copy");
        Assert.True(copy.Code == 0, copy.Error);
        var copied = await new DeltaTable(new LocalObjectStore(lakehouse.Managed("sales", "orders_copy")), duck.Database).GetSnapshotAsync();
        Assert.Equal((0L, 0L, 205L), BackupTestData.Difference(duck.Database, DeltaTable.ToSql(atBackup), DeltaTable.ToSql(copied)));

        var taken = await RunAsync(lakehouse, "restore", setId, "--table", "main.sales.orders", "--as", "main.sales.orders_copy");
        Assert.Equal(1, taken.Code);
        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Name the set to restore", "restore")]
    [InlineData("--into", "restore", "20260101T000000000Z-00000000")]
    [InlineData("does not know --force", "backups", "--force")]
    [InlineData("Sqlite or Postgres", "restore", "x", "--into", "/tmp/x", "--catalog-provider", "oracle")]
    [InlineData("Name one set or --all, not both", "verify", "x", "--all")]
    [InlineData("either --as main.sales.orders_restored or --in-place", "restore", "x", "--table", "main.s.t")]
    [InlineData("use one of them", "restore", "x", "--table", "main.s.t", "--in-place", "--into", "/tmp/x")]
    public async Task A_wrong_command_line_exits_with_2_and_says_what_to_write(string expected, params string[] args)
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var run = await RunAsync(lakehouse, args);
        Assert.Equal(2, run.Code);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("NeuroLake operator commands", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_set_that_does_not_exist_fails_with_its_name()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        var run = await RunAsync(lakehouse, "verify", "20260101T000000000Z-00000000");
        Assert.Equal(1, run.Code);
        Assert.Contains("20260101T000000000Z-00000000", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(BackupLakehouse lakehouse, params string[] args)
    {
        var connection = lakehouse.CatalogConnection;
        string[] settings =
        [
            $"--NeuroLake:DataDirectory={lakehouse.DataFolder}",
            $"--NeuroLake:Backup:Target={lakehouse.RepositoryFolder}",
            $"--NeuroLake:Catalog:Provider={connection.Provider}",
            $"--ConnectionStrings:Catalog={connection.ConnectionString}",
        ];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCli.TryRunAsync([.. args.Take(1), .. settings, .. args.Skip(1)], output, error);
        return (code ?? -1, output.ToString(), error.ToString());
    }
}
