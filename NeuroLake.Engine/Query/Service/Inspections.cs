using System.Text.Json;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>SHOW SCHEMAS, SHOW TABLES [IN s] and DESCRIBE HISTORY as result sets.</summary>
internal sealed class Inspections(CatalogStore catalog, TableResolver resolver, string catalogName)
{
    public async Task<StatementOutcome> ShowSchemasAsync(CancellationToken ct)
    {
        var schemas = await catalog.ListSchemasAsync(catalogName, ct);
        return new StatementOutcome([new ResultColumn("schema", "VARCHAR")], schemas.Select(s => new object?[] { s.Schema }).ToList());
    }

    public async Task<StatementOutcome> ShowTablesAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var target = analysis.Classification.Target;
        var schema = target is null ? request.DefaultSchema : SqlIdentifier.Validate(target.Name, "schema", target.Span);
        var tables = await catalog.ListTablesAsync(catalogName, schema, ct);
        return new StatementOutcome(
            [new ResultColumn("schema", "VARCHAR"), new ResultColumn("table", "VARCHAR")],
            tables.Select(t => new object?[] { t.Schema, t.Table }).ToList());
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
