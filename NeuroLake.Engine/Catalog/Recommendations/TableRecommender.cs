using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Recommendations;

/// <summary>
/// Related tables from three signals, each with its reason: shared lineage (direct neighbours and tables fed by the same
/// source), co-usage in queries, and similar schemas (shared column names or semantic types).
/// </summary>
public sealed class TableRecommender
{
    private const double MinimumColumnOverlap = 0.5;
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal TableRecommender(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    public async Task<IReadOnlyList<TableRecommendation>> RecommendAsync(SecurablePath table, int limit = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var id = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        var found = new Dictionary<Guid, (double Score, List<string> Reasons)>();
        void Add(Guid other, double score, string reason)
        {
            if (other == id)
            {
                return;
            }

            var entry = found.GetValueOrDefault(other, (0, []));
            entry.Reasons.Add(reason);
            found[other] = (entry.Score + score, entry.Reasons);
        }

        var names = new Dictionary<Guid, SecurablePath>();
        await AddLineageAsync(db, id, Add, names, cancellationToken);
        await AddCoUsageAsync(db, id, Add, cancellationToken);
        await AddSimilarSchemasAsync(db, id, Add, cancellationToken);
        foreach (var (key, value) in await LineageStore.TableNamesAsync(db, found.Keys, cancellationToken))
        {
            names[key] = value;
        }

        return found
            .Select(f => new TableRecommendation(names[f.Key], f.Value.Score, f.Value.Reasons))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Table.ToString(), StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private static async Task AddLineageAsync(
        CatalogDbContext db, Guid id, Action<Guid, double, string> add, Dictionary<Guid, SecurablePath> names, CancellationToken ct)
    {
        var direct = await db.LineageEdges.AsNoTracking()
            .Where(e => e.SourceTableId == id || e.TargetTableId == id)
            .Select(e => new { e.SourceTableId, e.TargetTableId })
            .Distinct()
            .ToListAsync(ct);
        var sources = direct.Where(e => e.TargetTableId == id).Select(e => e.SourceTableId).Distinct().ToList();
        var siblings = await db.LineageEdges.AsNoTracking()
            .Where(e => sources.Contains(e.SourceTableId) && e.TargetTableId != id)
            .Select(e => new { e.SourceTableId, e.TargetTableId })
            .Distinct()
            .ToListAsync(ct);
        foreach (var (key, value) in await LineageStore.TableNamesAsync(db, sources, ct))
        {
            names[key] = value;
        }

        foreach (var edge in direct.DistinctBy(e => (e.SourceTableId, e.TargetTableId)))
        {
            if (edge.TargetTableId == id)
            {
                add(edge.SourceTableId, 3, "lineage: this table is derived from it");
            }
            else
            {
                add(edge.TargetTableId, 3, "lineage: it is derived from this table");
            }
        }

        foreach (var sibling in siblings)
        {
            add(sibling.TargetTableId, 2, $"lineage: both are derived from {names[sibling.SourceTableId]}");
        }
    }

    private static async Task AddCoUsageAsync(CatalogDbContext db, Guid id, Action<Guid, double, string> add, CancellationToken ct)
    {
        var pairs = await db.CoUsage.AsNoTracking()
            .Where(p => p.FirstTableId == id || p.SecondTableId == id)
            .ToListAsync(ct);
        foreach (var pair in pairs)
        {
            var other = pair.FirstTableId == id ? pair.SecondTableId : pair.FirstTableId;
            add(other, 1 + Math.Log10(pair.Count), $"co-usage: queried together {pair.Count} time{(pair.Count == 1 ? "" : "s")}");
        }
    }

    private static async Task AddSimilarSchemasAsync(CatalogDbContext db, Guid id, Action<Guid, double, string> add, CancellationToken ct)
    {
        var own = await db.Columns.AsNoTracking().Where(c => c.TableId == id)
            .Select(c => new { c.Name, c.SemanticType }).ToListAsync(ct);
        var ownNames = own.Select(c => c.Name).ToList();
        var ownTypes = own.Where(c => c.SemanticType != null).Select(c => c.SemanticType!).Distinct().ToList();
        var shared = await db.Columns.AsNoTracking()
            .Where(c => c.TableId != id && (ownNames.Contains(c.Name) || (c.SemanticType != null && ownTypes.Contains(c.SemanticType))))
            .Select(c => new { c.TableId, c.Name, c.SemanticType })
            .ToListAsync(ct);
        var otherIds = shared.Select(c => c.TableId).Distinct().ToList();
        var sizes = await db.Columns.AsNoTracking().Where(c => otherIds.Contains(c.TableId))
            .GroupBy(c => c.TableId).Select(g => new { TableId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TableId, g => g.Count, ct);
        foreach (var group in shared.GroupBy(c => c.TableId))
        {
            var names = group.Select(c => c.Name).Where(ownNames.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
            var overlap = names.Count / (double)(ownNames.Count + sizes[group.Key] - names.Count);
            if (names.Count > 0 && overlap >= MinimumColumnOverlap)
            {
                add(group.Key, 2 * overlap, $"similar schema: shares columns {string.Join(", ", names)}");
            }

            var types = group.Select(c => c.SemanticType).Where(t => t != null && ownTypes.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
            if (types.Count > 0)
            {
                add(group.Key, types.Count, $"similar schema: shares semantic types {string.Join(", ", types)}");
            }
        }
    }
}
