using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Bench.Tpch;

/// <summary>
/// The SQL the query service hands DuckDB for a query (each table replaced by its latest snapshot's relation), built
/// without the service, so its cost can be timed apart from catalog lookups, snapshot loading and the sandbox.
/// </summary>
internal static class TpchProfile
{
    public static async Task<string> DeltaSqlAsync(string sql, DuckDbDatabase database, string externalFolder, CancellationToken ct)
    {
        var analysis = StatementAnalysis.Of(SqlScript.Parse(sql).Statements.Single());
        var relations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in analysis.Reads.Select(r => r.Name.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var table = new DeltaTable(new LocalObjectStore(Path.Combine(externalFolder, TpchTables.Schema, name)), database);
            relations[name] = DeltaTable.ToSql(await table.GetSnapshotAsync(null, ct));
        }

        return analysis.Rewrite(r => "(" + relations[r.Name.Name] + ")");
    }
}
