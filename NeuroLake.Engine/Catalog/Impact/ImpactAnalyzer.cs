using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Catalog.Usage;

namespace NeuroLake.Engine.Catalog.Impact;

/// <summary>
/// Impact analysis: every asset downstream of a table or column, at any depth, with the lineage path that reaches it
/// and a risk score whose factors are shown (<see cref="RiskModel"/>), optionally for a proposed schema change.
/// </summary>
public sealed class ImpactAnalyzer
{
    /// <summary>Recent usage counts reads and writes over this many days, today included.</summary>
    public const int UsageDays = 30;

    private readonly LineageStore _lineage;
    private readonly UsageStore _usage;
    private readonly CatalogStore _catalog;
    private readonly TimeProvider _time;

    internal ImpactAnalyzer(LineageStore lineage, UsageStore usage, CatalogStore catalog, TimeProvider time)
    {
        _lineage = lineage;
        _usage = usage;
        _catalog = catalog;
        _time = time;
    }

    /// <summary>
    /// The assets derived from <paramref name="tableOrColumn"/>: tables for a table, columns for a column, riskiest first.
    /// With <paramref name="change"/>, each asset's score also weighs the change's classification and whether the asset
    /// reads the changed column.
    /// </summary>
    /// <exception cref="CatalogException">The start is not a registered table or column, or the change does not fit its table.</exception>
    public async Task<ImpactReport> AnalyzeAsync(SecurablePath tableOrColumn, ProposedChange? change = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tableOrColumn);
        if (tableOrColumn.Kind is not (SecurableKind.Table or SecurableKind.Column))
        {
            CatalogThrow.Invalid($"Impact analysis starts at a table or a column, not '{tableOrColumn}': name it as catalog.schema.table[.column].");
        }

        var columnLevel = tableOrColumn.Kind == SecurableKind.Column;
        var classified = change is null ? null : await ClassifyAsync(tableOrColumn, change, ct);
        var graph = await _lineage.DownstreamAsync(tableOrColumn, cancellationToken: ct);
        var links = graph.Edges
            .Select(e => columnLevel ? (From: e.Source, To: e.Target) : (From: e.Source.TablePath, To: e.Target.TablePath))
            .Where(l => l.From != l.To).Distinct().ToList();
        var paths = ShortestPaths(tableOrColumn, links);
        var readers = classified is null ? null : await ColumnReadersAsync(tableOrColumn, classified.Value.Column, ct);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var usage = new Dictionary<SecurablePath, long>();
        var assets = new List<ImpactedAsset>();
        foreach (var node in graph.Nodes)
        {
            var table = node.Path.TablePath;
            if (!usage.TryGetValue(table, out var uses))
            {
                var report = await _usage.ReportAsync(table, today.AddDays(1 - UsageDays), today, cancellationToken: ct);
                usage[table] = uses = report.Reads + report.Writes;
            }

            var consumers = links.Where(l => l.From == node.Path).Select(l => l.To).Distinct().Count();
            var impact = classified is { } c
                ? new ProposedImpact(change!, c.Severity, c.Reason, readers!.Contains(columnLevel ? node.Path : table))
                : null;
            var factors = RiskModel.Factors(node.Depth, consumers, uses, impact);
            assets.Add(new ImpactedAsset(node.Path, node.Depth, paths[node.Path], RiskModel.Score(factors), factors));
        }

        return new ImpactReport(tableOrColumn, assets
            .OrderByDescending(a => a.RiskScore).ThenBy(a => a.Depth).ThenBy(a => a.Asset.ToString(), StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>The change applied to the start table's columns, classified by <see cref="SchemaComparer"/> (worst change wins).</summary>
    private async Task<(ChangeSeverity Severity, string Reason, string Column)?> ClassifyAsync(SecurablePath start, ProposedChange change, CancellationToken ct)
    {
        if (start.Column is { } startColumn && !string.Equals(startColumn, change.Column, StringComparison.OrdinalIgnoreCase))
        {
            CatalogThrow.Invalid($"The proposed change is to column '{change.Column}' but the analysis starts at column '{start}': start at the table, or change that column.");
        }

        var table = await _catalog.FindTableAsync(start.TablePath, ct);
        if (table is null)
        {
            CatalogThrow.NotFound("Table", start.TablePath.ToString());
        }

        var before = table.Columns.Select(c => new ColumnDescriptor(c.Name, c.Type, c.Nullable)).ToList();
        var changes = SchemaComparer.Compare(before, change.Apply(start.TablePath, before));
        var severity = SchemaComparer.Worst(changes);
        var reason = string.Join("; ", changes.Where(c => c.Severity == severity).Select(c => c.Reason).DefaultIfEmpty("no change to the schema"));
        var column = before.FirstOrDefault(c => string.Equals(c.Name, change.Column, StringComparison.OrdinalIgnoreCase))?.Name ?? change.Column;
        return (severity, reason, column);
    }

    /// <summary>
    /// The assets column lineage reaches from the changed column: tables for a table start, columns for a column start.
    /// A column that does not exist yet (an added column) has no readers.
    /// </summary>
    private async Task<HashSet<SecurablePath>> ColumnReadersAsync(SecurablePath start, string column, CancellationToken ct)
    {
        if (start.Column is not null)
        {
            return (await _lineage.DownstreamAsync(start, cancellationToken: ct)).Nodes.Select(n => n.Path).ToHashSet();
        }

        var table = await _catalog.FindTableAsync(start, ct);
        if (table is null || !table.Columns.Any(c => c.Name == column))
        {
            return [];
        }

        var graph = await _lineage.DownstreamAsync(start with { Column = column }, cancellationToken: ct);
        return graph.Nodes.Select(n => n.Path.TablePath).ToHashSet();
    }

    /// <summary>Breadth-first from the start over the followed edges: each asset's first-found shortest path.</summary>
    private static Dictionary<SecurablePath, IReadOnlyList<SecurablePath>> ShortestPaths(
        SecurablePath start, IReadOnlyList<(SecurablePath From, SecurablePath To)> links)
    {
        var paths = new Dictionary<SecurablePath, IReadOnlyList<SecurablePath>> { [start] = [start] };
        var frontier = new List<SecurablePath> { start };
        while (frontier.Count > 0)
        {
            var next = new List<SecurablePath>();
            foreach (var (from, to) in links.Where(l => frontier.Contains(l.From)).OrderBy(l => l.To.ToString(), StringComparer.Ordinal))
            {
                if (!paths.ContainsKey(to))
                {
                    paths[to] = [.. paths[from], to];
                    next.Add(to);
                }
            }

            frontier = next;
        }

        return paths;
    }
}
