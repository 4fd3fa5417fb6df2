using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Tpch;

/// <summary>
/// Loads TPC-H Parquet files as Delta tables into a query service's catalog, schema <c>tpch</c>. The service's sandbox
/// refuses read_parquet, so the tables are written with the table API over a DuckDB database of their own, in a folder
/// the service has as an external location, and registered with CREATE TABLE ... USING DELTA LOCATION: the queries
/// then read them exactly as they read any registered table.
/// </summary>
internal static class TpchTables
{
    public const string Schema = "tpch";

    /// <param name="externalFolder">A folder the service has among its <see cref="QueryServiceOptions.ExternalLocations"/>.</param>
    public static async Task LoadAsync(QueryService service, QueryRequest request, TpchData data, string externalFolder, IEnumerable<string> tables, CancellationToken ct)
    {
        await service.ExecuteAsync($"CREATE SCHEMA {Schema}", request, ct);
        using var loader = DuckDbDatabase.Open();
        foreach (var name in tables)
        {
            var location = Path.Combine(externalFolder, Schema, name);
            Directory.CreateDirectory(location);
            var table = new DeltaTable(new LocalObjectStore(location), loader, new DeltaTableOptions { UserName = request.User });
            await table.CreateAsync(new TableDefinition(), $"SELECT * FROM read_parquet('{data.ParquetOf(name).Replace("'", "''", StringComparison.Ordinal)}')", ct: ct);
            await service.ExecuteAsync($"CREATE TABLE {Schema}.{name} USING DELTA LOCATION '{location.Replace("'", "''", StringComparison.Ordinal)}'", request, ct);
        }
    }
}
