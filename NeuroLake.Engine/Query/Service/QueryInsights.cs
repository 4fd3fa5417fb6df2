using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Adds what the catalog knows to a query's result: PII flags on its columns and the advisor's findings. Both are
/// help, not the answer: when either fails it is logged and the result is returned without it.
/// </summary>
internal sealed class QueryInsights(CatalogStore catalog, TableResolver resolver, QueryAdvisor advisor, DuckDbDatabase duckDb, string catalogName, ILogger logger)
{
    public async Task<StatementResult> AddAsync(StatementAnalysis analysis, QueryRequest request, StatementResult result, CancellationToken ct)
    {
        if (analysis.Kind != StatementKind.Query || analysis.Reads.Count == 0)
        {
            return result;
        }

        var tables = await TablesAsync(analysis, request, ct);
        ParsedQuery? parsed = null;
        try
        {
            parsed = ParsedQuery.Parse(duckDb, analysis, request.DefaultSchema);
        }
        catch (DuckDbException)
        {
            // DuckDB ran the statement, so this cannot happen short of a closed database; the flags fall back to names.
        }

        var columns = result.Columns;
        try
        {
            columns = ResultPii.Flag(result.Columns, parsed, tables);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueryLog.PiiTracingFailed(logger, e, request.User);
        }

        IReadOnlyList<AdvisorFinding> advice = [];
        try
        {
            if (parsed is not null)
            {
                advice = await advisor.AdviseAsync(
                    new AdvisorContext(parsed, tables, advisor.Options), request.DefaultSchema,
                    async (name, token) => await (await resolver.OpenAsync(name, request.User, token)).GetSnapshotAsync(null, token),
                    ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueryLog.AdvisorFailed(logger, e, request.User);
        }

        return result with { Columns = columns, Advice = advice };
    }

    private async Task<Dictionary<SchemaTableName, TableInfo>> TablesAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var tables = new Dictionary<SchemaTableName, TableInfo>();
        foreach (var name in analysis.Reads.Select(r => r.Name.ToSchemaTable(request.DefaultSchema)).Distinct())
        {
            if (await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, name.Schema, name.Table), ct) is { } info)
            {
                tables[name] = info;
            }
        }

        return tables;
    }
}
