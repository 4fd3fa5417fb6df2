using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Bench.Tpch;

/// <summary>
/// The SQL the query service hands DuckDB for a query (each table replaced by its latest snapshot's scan or relation), built
/// without the service, so its cost can be timed apart from catalog lookups, snapshot loading and the sandbox.
/// </summary>
internal static class TpchProfile
{
    public static async Task<string> DeltaSqlAsync(string sql, DuckDbDatabase database, string externalFolder, CancellationToken ct)
    {
        var analysis = StatementAnalysis.Of(SqlScript.Parse(sql).Statements.Single());
        var fromItems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var chooser = new SnapshotFromItems(database);
        foreach (var name in analysis.Reads.Select(r => r.Name.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var table = new DeltaTable(new LocalObjectStore(Path.Combine(externalFolder, TpchTables.Schema, name)), database);
            var snapshot = await table.GetSnapshotAsync(null, ct);
            fromItems[name] = chooser.Of(snapshot, DeltaTable.ToSql(snapshot));
        }

        return analysis.Rewrite(r => fromItems[r.Name.Name]);
    }
}
