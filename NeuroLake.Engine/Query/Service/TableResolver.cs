using System.Runtime.CompilerServices;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Turns the tables a statement reads into DuckDB relations over Delta snapshots: catalog name → location →
/// snapshot at the requested version or time, with the reader's PII masks and row filters around each.
/// </summary>
internal sealed class TableResolver(CatalogStore catalog, ManagedTables tables, string catalogName, TablePolicies policies)
{
    private readonly ConditionalWeakTable<StatementAnalysis, Task<IReadOnlyDictionary<(string Schema, string Table), TableInfo>>> _tablesOf = [];

    /// <summary>The statement's text with each catalog table replaced by its snapshot's relation, and the versions read.</summary>
    /// <exception cref="QueryRefusedException">A table is not in the catalog.</exception>
    public async Task<(string Sql, IReadOnlyList<TableVersion> Read)> RewriteAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var reads = await ResolveAsync(analysis, request, ct);
        return (reads.Rewrite(), reads.Versions);
    }

    /// <summary>Opens the snapshot of each table the statement reads, at the requested version or time.</summary>
    /// <exception cref="QueryRefusedException">A table is not in the catalog.</exception>
    public async Task<ResolvedReads> ResolveAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var snapshots = new Dictionary<TableReference, (SchemaTableName Name, Snapshot Snapshot)>(ReferenceEqualityComparer.Instance);
        var versions = new Dictionary<(SchemaTableName, string?), Snapshot>();
        var names = analysis.Reads.Select(r => r.Name.ToSchemaTable(request.DefaultSchema)).Select(n => (n.Schema, n.Table)).Distinct().ToList();
        var locations = names.Count == 0 ? null : await LocationsAsync(analysis, request, ct);
        foreach (var reference in analysis.Reads)
        {
            var name = reference.Name.ToSchemaTable(request.DefaultSchema);
            var location = locations!.GetValueOrDefault((name.Schema, name.Table)) ?? throw Missing(name);

            // One snapshot per table and version: a statement reading a table twice sees one version of it. The
            // latest comes from the cache shared by all statements, checked against the log (see SnapshotCache).
            var key = (name, reference.TimeTravel?.ToString());
            if (!versions.TryGetValue(key, out var snapshot))
            {
                snapshot = versions[key] = reference.TimeTravel is null
                    ? await tables.Snapshots.LatestAsync(location, ct)
                    : await SnapshotAsync(await tables.Snapshots.TableAsync(location, ct), tables.Evaluate(reference.TimeTravel), ct);
                // Files without a local path (a remote table's, or ones tiering moved) are fetched into the cache now
                // (in parallel) and stay pinned until the statement ends.
                if (request.Files is { } files)
                {
                    files.Hold(await TableFiles.LeaseAsync(snapshot, ct));
                }
            }

            snapshots[reference] = (name, snapshot);
            request.Meter?.Read($"{catalogName}.{name.Schema}.{name.Table}", snapshot.Version, snapshot.SizeInBytes, snapshot.Files.Count);
        }

        var governed = new Dictionary<SchemaTableName, ReadPolicy>();
        foreach (var (schema, table) in names)
        {
            governed[new SchemaTableName(schema, table)] = await policies.ForReaderAsync(request.User, SecurablePath.ForTable(catalogName, schema, table), ct);
        }

        return new ResolvedReads(analysis, snapshots, tables.Snapshots.RelationOf, tables.Snapshots.FromItemOf, governed);
    }

    /// <summary>
    /// The catalog's entries (with columns) for the tables a query reads, fetched once per statement: the query's
    /// insights and its resolution share the one round trip. Tables not in the catalog are absent.
    /// </summary>
    public Task<IReadOnlyDictionary<(string Schema, string Table), TableInfo>> TablesOfAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct) =>
        _tablesOf.GetValue(analysis, a => catalog.FindTablesAsync(
            catalogName, a.Reads.Select(r => r.Name.ToSchemaTable(request.DefaultSchema)).Select(n => (n.Schema, n.Table)).Distinct().ToList(), ct));

    private async Task<IReadOnlyDictionary<(string Schema, string Table), string>> LocationsAsync(
        StatementAnalysis analysis, QueryRequest request, CancellationToken ct) =>
        (await TablesOfAsync(analysis, request, ct)).ToDictionary(t => t.Key, t => t.Value.Location);

    /// <exception cref="QueryRefusedException">The table is not in the catalog.</exception>
    public async Task<DeltaTable> OpenAsync(SchemaTableName name, string user, CancellationToken ct) =>
        await tables.OpenAsync(await LocationAsync(name, ct), user, ct);

    /// <summary>The latest snapshot of a catalog table, from the snapshots shared by statements.</summary>
    /// <exception cref="QueryRefusedException">The table is not in the catalog.</exception>
    public async Task<Snapshot> LatestAsync(SchemaTableName name, CancellationToken ct) =>
        await tables.Snapshots.LatestAsync(await LocationAsync(name, ct), ct);

    /// <summary>The latest snapshot of a table whose catalog entry the caller already holds: no catalog round trip.</summary>
    public Task<Snapshot> LatestAsync(TableInfo table, CancellationToken ct) => tables.Snapshots.LatestAsync(table.Location, ct);

    private async Task<string> LocationAsync(SchemaTableName name, CancellationToken ct) =>
        await catalog.FindTableLocationAsync(SecurablePath.ForTable(catalogName, name.Schema, name.Table), ct) ?? throw Missing(name);

    private QueryRefusedException Missing(SchemaTableName name) => new(
        $"Table '{name}' does not exist in catalog '{catalogName}'. Run SHOW TABLES IN {name.Schema} to see its tables, or SHOW SCHEMAS to see the schemas.");

    private static Task<Snapshot> SnapshotAsync(DeltaTable table, TimeTravel? travel, CancellationToken ct) => travel switch
    {
        null => table.GetSnapshotAsync(null, ct),
        { Kind: TimeTravelKind.Version, Version: { } version } => table.GetSnapshotAsync(version, ct),
        { Timestamp: { } timestamp } => table.GetSnapshotAsOfAsync(timestamp, ct),
        _ => throw new QueryRefusedException($"The time travel clause '{travel}' names neither a version nor a timestamp."),
    };
}
