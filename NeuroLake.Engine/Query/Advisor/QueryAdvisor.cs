using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// The rule-based query advisor: each rule looks at a query's DuckDB parse tree and the catalog's facts about the
/// tables it reads (width, partition columns); the Z-order suggestion also reads the query history.
/// </summary>
internal sealed class QueryAdvisor(QueryAdvisorOptions options, QueryHistoryStore? history, DuckDbDatabase duckDb)
{
    private static readonly IAdvisorRule[] Rules =
    [
        new SelectStarOnWideTable(),
        new MissingPartitionFilter(),
        new FunctionOnPartitionColumn(),
        new CrossJoin(),
    ];

    private readonly ZOrderSuggestion? _zOrder = history is null ? null : new ZOrderSuggestion(history, duckDb);

    public QueryAdvisorOptions Options => options;

    public async Task<IReadOnlyList<AdvisorFinding>> AdviseAsync(
        AdvisorContext context, string defaultSchema, Func<SchemaTableName, CancellationToken, Task<Snapshot>> snapshot, CancellationToken ct)
    {
        var findings = Rules.SelectMany(rule => rule.Check(context)).ToList();
        if (_zOrder is not null)
        {
            findings.AddRange(await _zOrder.SuggestAsync(context, defaultSchema, snapshot, ct));
        }

        return findings;
    }
}
