using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>The same repository on the S3 test server, through <c>S3ObjectStore</c> (multipart uploads, ranged reads).</summary>
public sealed class BackupToS3Tests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    [S3Fact]
    public async Task A_set_in_an_S3_bucket_verifies_and_restores_with_the_same_rows_and_an_unchanged_lakehouse_adds_no_objects()
    {
        await using var lakehouse = await BackupLakehouse.OpenAsync(databases, duck.Database, CatalogProvider.Sqlite);
        await BackupTestData.CreateAsync(lakehouse);
        await using var s3 = new S3TestStorage();
        var repository = lakehouse.Repository(s3.RawStore("backups"));

        var first = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);
        var again = await lakehouse.Backup().RunAsync(repository, CancellationToken.None);

        Assert.Equal(first.Files, again.Files);
        Assert.Equal(0, again.NewObjects);
        Assert.True(first.NewObjects > 0);
        Assert.Equal([first.SetId, again.SetId], await repository.ListSetsAsync(CancellationToken.None));
        Assert.True((await new BackupVerifier(repository, TimeProvider.System).VerifyAsync(again.SetId, CancellationToken.None)).Usable);

        await using var target = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        var restoredRoot = lakehouse.NewFolder("restored");
        var manifest = await new LakehouseRestore(repository, TimeProvider.System).RestoreAsync(first.SetId, restoredRoot, Factory(target), CancellationToken.None);

        var restored = BackupTestData.Tables(await new CatalogExport(Factory(target)).ExportAsync(CancellationToken.None));
        foreach (var table in manifest.Tables)
        {
            var (onlySource, onlyCopy, rows) = BackupTestData.Difference(
                duck.Database,
                await BackupTestData.SqlAtAsync(duck.Database, Path.Combine(lakehouse.DataFolder, table.RelativeLocation), table.Version),
                await BackupTestData.SqlAtAsync(duck.Database, restored.Single(t => t.Name == table.Name).Location, table.Version));
            Assert.Equal((0L, 0L), (onlySource, onlyCopy));
            Assert.True(rows > 0);
        }
    }

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
}
