using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Adds what the catalog knows to a query's result: PII flags on its columns and the advisor's findings. Both are
/// help, not the answer: when either fails it is logged and the result is returned without it. Neither needs the
/// query's rows, so <see cref="PrepareAsync"/> runs while DuckDB answers the query and only the flags wait for it.
/// </summary>
internal sealed class QueryInsights(TableResolver resolver, QueryAdvisor advisor, DuckDbDatabase duckDb, ILogger logger)
{
    /// <summary>What the catalog and the advisor say about a query; null for statements that get no insights.</summary>
    public async Task<PreparedInsights?> PrepareAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        if (analysis.Kind != StatementKind.Query || analysis.Reads.Count == 0)
        {
            return null;
        }

        // Off the caller's thread at once: the query itself starts right after this call returns its task.
        await Task.Yield();
        var tables = await TablesAsync(analysis, request, ct);
        ParsedQuery? parsed = null;
        try
        {
            parsed = ParsedQuery.Parse(duckDb, analysis, request.DefaultSchema);
        }
        catch (DuckDbException)
        {
            // DuckDB's parser refused what DuckDB itself will run or reject; the flags fall back to names.
        }

        IReadOnlyList<AdvisorFinding> advice = [];
        try
        {
            if (parsed is not null)
            {
                advice = await advisor.AdviseAsync(
                    new AdvisorContext(parsed, tables, advisor.Options), request.DefaultSchema,
                    // The statement's own tables come with their catalog entries: their snapshots need no lookup.
                    (name, token) => tables.TryGetValue(name, out var table) ? resolver.LatestAsync(table, token) : resolver.LatestAsync(name, token),
                    ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueryLog.AdvisorFailed(logger, e, request.User);
        }

        return new PreparedInsights(tables, parsed, advice);
    }

    /// <summary>The result with its columns' PII flags and the advice.</summary>
    public StatementResult Apply(PreparedInsights? insights, StatementResult result, string user)
    {
        if (insights is null)
        {
            return result;
        }

        var columns = result.Columns;
        try
        {
            columns = ResultPii.Flag(result.Columns, insights.Parsed, insights.Tables);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueryLog.PiiTracingFailed(logger, e, user);
        }

        return result with { Columns = columns, Advice = insights.Advice };
    }

    private async Task<Dictionary<SchemaTableName, TableInfo>> TablesAsync(StatementAnalysis analysis, QueryRequest request, CancellationToken ct)
    {
        var names = analysis.Reads.Select(r => r.Name.ToSchemaTable(request.DefaultSchema)).Distinct().ToList();
        var found = await resolver.TablesOfAsync(analysis, request, ct);
        return names.Where(n => found.ContainsKey((n.Schema, n.Table))).ToDictionary(n => n, n => found[(n.Schema, n.Table)]);
    }
}

/// <summary>The catalog's tables a query reads, its parse tree and the advisor's findings, gathered before its result.</summary>
internal sealed record PreparedInsights(Dictionary<SchemaTableName, TableInfo> Tables, ParsedQuery? Parsed, IReadOnlyList<AdvisorFinding> Advice);
