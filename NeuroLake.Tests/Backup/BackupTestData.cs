using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog.Transfer;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Backup;

/// <summary>Tables and comparisons shared by the backup tests.</summary>
internal static class BackupTestData
{
    public const string Orders = "SELECT i::BIGINT AS id, 'customer ' || (i % 7) AS customer, (i * 1.25)::DECIMAL(12,2) AS amount FROM range(200) t(i)";

    public const string People = "SELECT i::BIGINT AS id, ['north','south','east'][1 + i % 3] AS region, TIMESTAMP '2024-01-01' + INTERVAL (i) DAY AS since FROM range(60) t(i)";

    /// <summary>Two tables (one partitioned) with a few versions each: create, append, delete.</summary>
    public static async Task<(DeltaTable Orders, DeltaTable People)> CreateAsync(BackupLakehouse lakehouse)
    {
        var orders = lakehouse.Table(lakehouse.Managed("sales", "orders"));
        await orders.CreateAsync(new TableDefinition(), Orders);
        await orders.AppendAsync("SELECT 1000 + i::BIGINT AS id, 'late' AS customer, 9.99::DECIMAL(12,2) AS amount FROM range(5) t(i)");
        var people = lakehouse.Table(lakehouse.Managed("crm", "people"));
        await people.CreateAsync(new TableDefinition { PartitionColumns = ["region"] }, People);
        await people.DeleteAsync("id % 10 = 0");
        return (orders, people);
    }

    /// <summary>Rows in one relation and not the other, counted both ways (EXCEPT ALL keeps duplicates apart).</summary>
    public static (long OnlyLeft, long OnlyRight, long Rows) Difference(DuckDbDatabase duck, string left, string right) => (
        SqlProbe.Long(duck, $"SELECT count(*) FROM (SELECT * FROM ({left}) EXCEPT ALL SELECT * FROM ({right}))"),
        SqlProbe.Long(duck, $"SELECT count(*) FROM (SELECT * FROM ({right}) EXCEPT ALL SELECT * FROM ({left}))"),
        SqlProbe.Long(duck, $"SELECT count(*) FROM ({left})"));

    public static async Task<string> SqlAtAsync(DuckDbDatabase duck, string location, long version) =>
        DeltaTable.ToSql(await new DeltaTable(new LocalObjectStore(location), duck).GetSnapshotAsync(version));

    /// <summary>Every table of a restored catalog with its location and recorded version.</summary>
    public static IReadOnlyList<CatalogTableEntry> Tables(IReadOnlyList<CatalogTableRows> export) => CatalogTableEntry.FromExport(export);

    public static async Task<HashSet<string>> ObjectHashesAsync(BackupRepository repository) =>
        [.. (await repository.Store.ListAsync("objects/")).Select(o => o.Key[(o.Key.LastIndexOf('/') + 1)..])];
}
