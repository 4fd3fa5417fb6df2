using System.Text.Json;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// SHOW SCHEMAS, SHOW TABLES [IN s], DESCRIBE DETAIL and DESCRIBE HISTORY as result sets. The lists hold what the
/// user may use (USE CATALOG and USE SCHEMA): a viewer sees names, not rows.
/// </summary>
internal sealed class Inspections(CatalogStore catalog, TableResolver resolver, string catalogName, PrivilegeEvaluator privileges)
{
    public async Task<StatementOutcome> ShowSchemasAsync(QueryRequest request, CancellationToken ct)
    {
        var all = await catalog.ListSchemasAsync(catalogName, ct);
        var access = await privileges.AccessAsync(request.User, all, ct);
        var schemas = all.Where(s => access[s].Has(Privilege.UseCatalog) && access[s].Has(Privilege.UseSchema));
        return new StatementOutcome([new ResultColumn("schema", "VARCHAR")], schemas.Select(s => new object?[] { s.Schema }).ToList());
    }

    public async Task<StatementOutcome> ShowTablesAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var target = analysis.Classification.Target;
        var schema = target is null ? request.DefaultSchema : SqlIdentifier.Validate(target.Name, "schema", target.Span);
        var tables = await privileges.FilterVisibleAsync(request.User, await catalog.ListTablesAsync(catalogName, schema, ct), ct);
        return new StatementOutcome(
            [new ResultColumn("schema", "VARCHAR"), new ResultColumn("table", "VARCHAR")],
            tables.Select(t => new object?[] { t.Schema, t.Table }).ToList());
    }

    /// <summary>DESCRIBE DETAIL t: one row describing the table's latest version, as Databricks shows it.</summary>
    public async Task<StatementOutcome> DescribeDetailAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        var table = await resolver.OpenAsync(name, request.User, ct);
        var snapshot = await table.GetSnapshotAsync(null, ct);
        return new StatementOutcome(
            [
                new ResultColumn("format", "VARCHAR"), new ResultColumn("name", "VARCHAR"), new ResultColumn("description", "VARCHAR"),
                new ResultColumn("location", "VARCHAR"), new ResultColumn("lastModified", "TIMESTAMP WITH TIME ZONE"),
                new ResultColumn("version", "BIGINT"), new ResultColumn("numFiles", "BIGINT"), new ResultColumn("sizeInBytes", "BIGINT"),
                new ResultColumn("partitionColumns", "JSON"), new ResultColumn("properties", "JSON"),
                new ResultColumn("minReaderVersion", "INTEGER"), new ResultColumn("minWriterVersion", "INTEGER"),
            ],
            [
                [
                    "delta", $"{catalogName}.{name.Schema}.{name.Table}", snapshot.Metadata.Description, snapshot.Location, snapshot.Timestamp,
                    snapshot.Version, (long)snapshot.Files.Count, snapshot.SizeInBytes,
                    JsonSerializer.Serialize(snapshot.PartitionColumns), JsonSerializer.Serialize(snapshot.Configuration),
                    snapshot.Protocol.MinReaderVersion, snapshot.Protocol.MinWriterVersion,
                ],
            ],
            TablesRead: [new TableVersion(name.Schema, name.Table, snapshot.Version)]);
    }

    public async Task<StatementOutcome> DescribeHistoryAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var name = analysis.Classification.Target!.ToSchemaTable(request.DefaultSchema);
        var table = await resolver.OpenAsync(name, request.User, ct);
        var history = await table.GetHistoryAsync(null, ct);
        return new StatementOutcome(
            [
                new ResultColumn("version", "BIGINT"), new ResultColumn("timestamp", "TIMESTAMP WITH TIME ZONE"),
                new ResultColumn("operation", "VARCHAR"), new ResultColumn("user", "VARCHAR"), new ResultColumn("metrics", "JSON"),
            ],
            history.Select(h => new object?[] { h.Version, h.Timestamp, h.Operation, h.UserName, JsonSerializer.Serialize(h.Metrics) }).ToList());
    }
}
