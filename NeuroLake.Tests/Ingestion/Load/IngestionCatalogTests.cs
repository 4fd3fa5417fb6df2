using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

public sealed class IngestionCatalogTests(CatalogDatabases databases, DuckDbFixture duck)
    : IClassFixture<CatalogDatabases>, IClassFixture<DuckDbFixture>
{
    private const string People =
        "id,name_code,email,amount\n1,00001,ann@example.com,10\n2,00002,bob@example.org,20\n3,00003,cy@example.net,\n4,00004,dee@example.com,40\n5,00005,eve@example.io,50\n";

    [Theory, CatalogProviders]
    public async Task A_load_stores_whole_table_quality_with_its_version_and_pii_classifications_in_the_catalog(CatalogProvider provider)
    {
        var connection = (await databases.OpenAsync(provider)).GetRequiredService<CatalogConnection>();
        using var folder = new TempFolder();
        var root = Path.Combine(folder.Path, "warehouse");
        await using var services = new ServiceCollection()
            .AddNeuroLakeCatalog(connection.Provider, connection.ConnectionString, folder.Path)
            .AddSingleton(duck.Database)
            .AddCatalogTableRegistration(root)
            .AddIngestionLoader()
            .BuildServiceProvider();
        var catalog = CatalogTestData.Unique("c");
        var location = Directory.CreateDirectory(Path.Combine(root, catalog, "crm", "people")).FullName;
        var table = new DeltaTable(new LocalObjectStore(location), duck.Database, new DeltaTableOptions { Observer = services.GetRequiredService<CatalogTableObserver>() });
        using var f = new LoadFixture(duck);
        var schema = await f.ProposeAsync(f.Write("people.csv", People));
        var loader = services.GetRequiredService<IngestionLoader>();
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);

        await loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable));
        var report = await loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, f.Write("more.csv", "id,name_code,email,amount\n6,00006,fay@example.com,60\n")), LoadMode.Append));

        var path = SecurablePath.ForTable(catalog, "crm", "people");
        Assert.Equal(path, report.CatalogTable);
        var measured = await services.GetRequiredService<QualityStore>().QueryAsync(path, started, DateTimeOffset.UtcNow.AddMinutes(1));
        var latest = measured.Where(m => m.Column is null).MaxBy(m => m.TableVersion)!;
        Assert.Equal((1L, 6L), (latest.TableVersion, latest.RowCount));
        Assert.Contains(latest.Checks!, c => c.Name == "quality_score");
        var amount = measured.Single(m => m.Column == "amount" && m.TableVersion == 1);
        Assert.Equal(100.0 / 6, amount.NullPercent!.Value, 3);
        var info = await services.GetRequiredService<CatalogStore>().FindTableAsync(path);
        var email = info!.Columns.Single(c => c.Name == "email");
        Assert.Equal("email", email.SemanticType);
        Assert.Equal(("email", PiiSource.Detected), (email.Pii!.Type, email.Pii.Source));
        Assert.Null(info.Columns.Single(c => c.Name == "name_code").Pii);
        Assert.Contains(IngestionCatalog.IngestedTag, info.Tags);
        Assert.Contains("csv", info.Tags);
        Assert.StartsWith("Ingested from 'people.csv' (delimited text, comma-separated, utf-8", info.Description);
        var files = await services.GetRequiredService<SourceFileStore>().ForTableAsync(path);
        Assert.Equal([("more.csv", 1L), ("people.csv", 0L)], files.Select(f => (f.FileName, f.TableVersion)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(People))), files[1].Sha256);
        Assert.Equal(Encoding.UTF8.GetByteCount(People), files[1].Size);
    }
}
