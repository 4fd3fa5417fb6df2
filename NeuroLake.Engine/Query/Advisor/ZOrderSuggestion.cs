using System.Collections.Concurrent;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Advisor;

/// <summary>
/// Suggests OPTIMIZE ... ZORDER BY for a table read by the query: the columns that its recent queries in the history
/// (and this one) filtered on most, when its files are not already Z-ordered by them. Partition columns are left out:
/// partitioning already prunes on them.
/// </summary>
internal sealed class ZOrderSuggestion(QueryHistoryStore history, DuckDbDatabase duckDb)
{
    public const string Rule = "zorder-candidate";

    private const int PastCapacity = 4096;

    /// <summary>The tag the table layer writes on Z-ordered files (see Tables/Operations/OptimizeCommand).</summary>
    private const string ZOrderTag = "neurolake.zOrderBy";

    private readonly ConcurrentDictionary<(string Sql, string Schema), ParsedQuery?> _past = new();
    private readonly ConcurrentDictionary<(Guid Entry, SchemaTableName Table), string[]> _filtered = new();

    public async Task<IReadOnlyList<AdvisorFinding>> SuggestAsync(
        AdvisorContext context, string defaultSchema, Func<SchemaTableName, CancellationToken, Task<Snapshot>> snapshot, CancellationToken ct)
    {
        var findings = new List<AdvisorFinding>();
        var tables = context.Query.SelectNodes().SelectMany(context.Query.RelationsOf).Select(r => r.Table).OfType<SchemaTableName>().Distinct().ToList();
        if (tables.Count == 0)
        {
            return findings;
        }

        // The recent history from memory: this rule runs for every query.
        var past = await history.RecentSuccessesAsync(context.Options.HistoryQueries, ct);
        foreach (var table in tables.OrderBy(t => t.ToString(), StringComparer.Ordinal))
        {
            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            Count(FilteredColumns(context, table), counts);
            foreach (var entry in past.Where(e => Reads(e, table)))
            {
                Count(PastFilteredColumns(entry, context, table, defaultSchema), counts);
            }

            var candidates = Candidates(counts, context.Options, context.PartitionColumnsOf(table));
            if (candidates.Count == 0 || ZOrderedBy((await snapshot(table, ct)).Files.Select(f => f.Tags?.GetValueOrDefault(ZOrderTag)), candidates))
            {
                continue;
            }

            var list = string.Join(", ", candidates);
            findings.Add(new AdvisorFinding(
                Rule,
                $"Recent queries of {table} filter most often on {list} ({string.Join(", ", candidates.Select(c => $"{c}: {counts[c]}"))} queries), and its files are not Z-ordered by them.",
                $"OPTIMIZE {table} ZORDER BY ({list})"));
        }

        return findings;
    }

    /// <summary>
    /// The table-wide suggestion, without a query at hand (the cost recommendations): the columns the recent history's
    /// queries of <paramref name="table"/> filtered on most, each with how many queries did, when its files are not
    /// Z-ordered by them; empty otherwise. Unqualified names in past queries resolve in the table's own schema.
    /// </summary>
    public async Task<IReadOnlyList<(string Column, int Queries)>> TableCandidatesAsync(
        SchemaTableName table, TableInfo info, Snapshot snapshot, QueryAdvisorOptions options, CancellationToken ct)
    {
        var tables = new Dictionary<SchemaTableName, TableInfo> { [table] = info };
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (await history.RecentSuccessesAsync(options.HistoryQueries, ct)).Where(e => Reads(e, table)))
        {
            if (Parse(entry.Sql, table.Schema) is { } query)
            {
                Count(FilteredColumns(new AdvisorContext(query, tables, options), table), counts);
            }
        }

        var candidates = Candidates(counts, options, info.PartitionColumns);
        return candidates.Count == 0 || ZOrderedBy(snapshot.Files.Select(f => f.Tags?.GetValueOrDefault(ZOrderTag)), candidates)
            ? []
            : candidates.Select(c => (c, counts[c])).ToList();
    }

    private static bool Reads(QueryHistoryEntry entry, SchemaTableName table) =>
        entry.TablesRead.Any(t => string.Equals(t.Schema, table.Schema, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Table, table.Table, StringComparison.OrdinalIgnoreCase));

    /// <summary>The (at most two) columns filtered on by enough queries, most filtered first; partitioning already prunes on partition columns.</summary>
    private static List<string> Candidates(Dictionary<string, int> counts, QueryAdvisorOptions options, IReadOnlyList<string> partitionColumns) =>
        counts.Where(c => c.Value >= options.ZOrderMinQueries && !partitionColumns.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(2).Select(c => c.Key).ToList();

    private static void Count(IEnumerable<string> columns, Dictionary<string, int> counts)
    {
        foreach (var column in columns.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            counts[column] = counts.GetValueOrDefault(column) + 1;
        }
    }

    /// <summary>The columns of <paramref name="table"/> the query's conditions read, with the table's spelling.</summary>
    private static IEnumerable<string> FilteredColumns(AdvisorContext context, SchemaTableName table)
    {
        if (!context.Tables.TryGetValue(table, out var info))
        {
            yield break;
        }

        foreach (var select in context.Query.SelectNodes())
        {
            var relations = context.Query.RelationsOf(select);
            foreach (var column in context.Query.FiltersOf(select).SelectMany(ParsedQuery.ColumnRefs))
            {
                if (ParsedQuery.Candidates(column, relations, context.HasColumn).Any(r => r.Table == table)
                    && info.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Column, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    yield return known.Name;
                }
            }
        }
    }

    /// <summary>
    /// The columns of <paramref name="table"/> a past query filtered on, worked out once per entry: every query
    /// re-reads the same recent history (a column added to the table later is not counted for older entries).
    /// </summary>
    private string[] PastFilteredColumns(QueryHistoryEntry entry, AdvisorContext context, SchemaTableName table, string defaultSchema)
    {
        if (_filtered.TryGetValue((entry.Id, table), out var known))
        {
            return known;
        }

        if (_filtered.Count >= PastCapacity)
        {
            _filtered.Clear();
        }

        return _filtered[(entry.Id, table)] = Parse(entry.Sql, defaultSchema) is { } query
            ? [.. FilteredColumns(context with { Query = query }, table)]
            : [];
    }

    /// <summary>Past queries parsed once: every query re-reads the same recent history.</summary>
    private ParsedQuery? Parse(string sql, string defaultSchema)
    {
        if (_past.TryGetValue((sql, defaultSchema), out var known))
        {
            return known;
        }

        if (_past.Count >= PastCapacity)
        {
            _past.Clear();
        }

        return _past[(sql, defaultSchema)] = ParseOnce(sql, defaultSchema);
    }

    private ParsedQuery? ParseOnce(string sql, string defaultSchema)
    {
        try
        {
            var statements = SqlScript.Parse(sql).Statements;
            return statements.Count == 1 ? ParsedQuery.Parse(duckDb, StatementAnalysis.Of(statements[0]), defaultSchema) : null;
        }
        catch (SqlSyntaxException)
        {
            return null;
        }
    }

    /// <summary>Every file carries a Z-order tag that starts with the candidate columns.</summary>
    private static bool ZOrderedBy(IEnumerable<string?> tags, List<string> columns)
    {
        var prefix = string.Join(",", columns);
        var any = false;
        foreach (var tag in tags)
        {
            if (tag is null || !tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            any = true;
        }

        return any;
    }
}
