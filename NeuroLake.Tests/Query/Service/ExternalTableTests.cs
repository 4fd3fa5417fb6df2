using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Service;

public sealed class ExternalTableTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private async Task<string> ExistingTable(string folder)
    {
        using var duckDb = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        Directory.CreateDirectory(folder);
        await new DeltaTable(new LocalObjectStore(folder), duckDb).CreateAsync(new TableDefinition(), "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)");
        return folder;
    }

    [Fact]
    public async Task An_existing_delta_table_under_an_external_location_is_registered_where_it_is_and_queried()
    {
        var folder = await ExistingTable(Path.Combine(External, "people"));

        var results = await Run($"CREATE SCHEMA s; CREATE TABLE s.people USING DELTA LOCATION '{folder}'; SELECT name FROM s.people ORDER BY id;");

        Assert.Equal(new TableVersion("s", "people", 0), results[1].TableWritten);
        Assert.Equal([["a"], ["b"]], results[2].Rows);
        Assert.Equal(folder, (await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "people")))!.Location);
    }

    [Fact]
    public async Task A_location_outside_the_external_locations_is_refused()
    {
        using var elsewhere = new TempFolder();
        var folder = await ExistingTable(elsewhere.Sub("people"));

        var error = await Fails($"CREATE SCHEMA s; CREATE TABLE s.people USING DELTA LOCATION '{folder}'");

        Assert.Contains("NeuroLake:ExternalLocations", error.Reason);
        Assert.Null(await Catalog.FindTableAsync(SecurablePath.ForTable("main", "s", "people")));
    }

    [Fact]
    public async Task A_folder_without_a_delta_table_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(External, "empty"));

        var error = await Fails($"CREATE SCHEMA s; CREATE TABLE s.t USING DELTA LOCATION '{Path.Combine(External, "empty")}'");

        Assert.Contains("no Delta table", error.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
