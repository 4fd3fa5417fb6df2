using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;
using static NeuroLake.Tests.Ingestion.Excel.XlsxTestFiles;

namespace NeuroLake.Tests.Ingestion.Excel;

/// <summary>Excel workbooks loaded through <see cref="FileIngestion"/> into real tables: DuckDB, and the catalog on each provider.</summary>
public sealed class ExcelIngestionTests(CatalogDatabases databases) : IClassFixture<CatalogDatabases>
{
    [Theory, CatalogProviders]
    public async Task A_sheet_chosen_by_name_loads_into_a_table_with_dates_numbers_and_empty_cells(CatalogProvider provider)
    {
        await using var lake = await Lake.OpenAsync(databases, provider);
        var path = Write(Path.Combine(lake.Folder.Path, "orders.xlsx"),
            new Sheet("Summary", [["total"], [3]]),
            new Sheet("Orders", [
                ["Order Id", "Placed", "Amount", "Paid", "Customer"],
                [1, new DateTime(2024, 3, 1), 19.99, true, "Ada"],
                [2, new DateTime(2024, 3, 2), 1_250_000, false, null],
                [3, null, null, null, "Grace, \"Admiral\""],
            ]));

        var result = await lake.IngestAsync(path, "orders", sheet: "Orders");

        Assert.Equal("xlsx", result.Schema.Source.OriginalFormatName);
        Assert.Equal(3L, result.Load.RowsLoaded);
        Assert.Equal(
            "1|2024-03-01|19.99|true|Ada;2|2024-03-02|1250000.0|false|;3||||Grace, \"Admiral\"",
            lake.Query("SELECT string_agg(concat_ws('|', order_id, coalesce(placed::VARCHAR, ''), coalesce(amount::VARCHAR, ''), " +
                       "coalesce(paid::VARCHAR, ''), coalesce(customer, '')), ';' ORDER BY order_id)", "orders"));
        Assert.Equal("BIGINT|DATE|DOUBLE|BOOLEAN|VARCHAR",
            lake.Query("SELECT string_agg(column_type, '|') FROM (DESCRIBE SELECT order_id, placed, amount, paid, customer", "orders", close: ")"));
        Assert.False(Directory.Exists(Path.Combine(lake.Folder.Path, Engine.Ingestion.Detection.WorkbookCsvCopy.CopyFolder)), "The CSV copy was left behind.");
    }

    [Theory, CatalogProviders]
    public async Task A_corrupt_workbook_is_refused_and_leaves_no_table(CatalogProvider provider)
    {
        await using var lake = await Lake.OpenAsync(databases, provider);
        var whole = Write(Path.Combine(lake.Folder.Path, "whole.xlsx"), new Sheet("Data", Enumerable.Range(0, 1_000).Select(i => new object?[] { i })));
        var bytes = await File.ReadAllBytesAsync(whole);
        var path = Path.Combine(lake.Folder.Path, "broken.xlsx");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => lake.IngestAsync(path, "broken"));

        Assert.StartsWith("'broken.xlsx' could not be read as an Excel workbook", error.Message);
        Assert.Null(await lake.Catalog.FindTableAsync(lake.Table("broken")));
        Assert.False(Directory.Exists(Path.Combine(lake.Warehouse, "main", "raw", "broken")), "A table folder was left behind.");
    }

    [Fact]
    public async Task A_sheet_of_two_hundred_thousand_rows_streams_into_a_table()
    {
        await using var lake = await Lake.OpenAsync(databases, CatalogProvider.Sqlite);
        const int rows = 200_000;
        var path = Write(Path.Combine(lake.Folder.Path, "big.xlsx"),
            new Sheet("Readings", Enumerable.Range(0, rows + 1).Select(i => i == 0
                ? new object?[] { "id", "sensor", "value", "day" }
                : [i, $"sensor-{i % 97}", i * 0.5, new DateTime(2020, 1, 1).AddDays(i % 1_000)])));

        var result = await lake.IngestAsync(path, "readings");

        Assert.Equal((long)rows, result.Load.RowsLoaded);
        Assert.Equal($"{rows}|{(long)rows * (rows + 1) / 2}|97|2022-09-26", lake.Query("SELECT concat_ws('|', count(*), sum(id), count(DISTINCT sensor), max(day))", "readings"));
    }

    /// <summary>A catalog with main.raw, a warehouse, and FileIngestion over them, in a folder of its own.</summary>
    private sealed class Lake : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly ServiceProvider _migrated;
        private readonly DuckDbDatabase _duckDb;

        private Lake(TempFolder folder, ServiceProvider migrated, DuckDbDatabase duckDb, ServiceProvider services)
        {
            (Folder, _migrated, _duckDb, _services) = (folder, migrated, duckDb, services);
        }

        public TempFolder Folder { get; }

        public string Warehouse => Path.Combine(Folder.Path, "warehouse");

        public CatalogStore Catalog => _services.GetRequiredService<CatalogStore>();

        public static async Task<Lake> OpenAsync(CatalogDatabases databases, CatalogProvider provider)
        {
            var folder = new TempFolder();
            var migrated = await databases.CreateMigratedAsync(provider);
            var connection = migrated.GetRequiredService<CatalogConnection>();
            var duckDb = DuckDbDatabase.Open();
            var services = new ServiceCollection()
                .AddNeuroLakeCatalog(connection.Provider, connection.ConnectionString, folder.Path)
                .AddCatalogTableRegistration(folder.Sub("warehouse"))
                .AddSingleton(duckDb)
                .AddIngestionLoader()
                .BuildServiceProvider();
            var lake = new Lake(folder, migrated, duckDb, services);
            await lake.Catalog.CreateCatalogAsync("main");
            await lake.Catalog.CreateSchemaAsync("main", "raw");
            return lake;
        }

        public SecurablePath Table(string name) => new("main", "raw", name);

        public async Task<FileIngestionResult> IngestAsync(string path, string table, string? sheet = null) =>
            await _services.GetRequiredService<FileIngestion>().IngestAsync(
                new FileIngestionRequest(path, await SourceFileInfo.ComputeAsync(path), Table(table), LoadMode.NewTable) { Sheet = sheet });

        /// <summary>One text value from <paramref name="select"/> over the table's data files (a new table: every file is current).</summary>
        public string? Query(string select, string table, string close = "")
        {
            var location = Catalog.FindTableAsync(Table(table)).GetAwaiter().GetResult()!.Location;
            using var connection = _duckDb.Connect();
            using var reader = connection.ExecuteReader($"{select} FROM read_parquet('{Path.Combine(location, "**", "*.parquet")}'){close}");
            Assert.True(reader.Read());
            return reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await _migrated.DisposeAsync();
            _duckDb.Dispose();
            Folder.Dispose();
        }
    }
}
