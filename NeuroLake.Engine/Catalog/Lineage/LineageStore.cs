using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Lineage;

/// <summary>Table- and column-level lineage: recorded by the query layer, jobs and ingestion; traversed both ways.</summary>
public sealed class LineageStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal LineageStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Records edges; an unknown table or column, or a table paired with a column, throws and records none.</summary>
    public async Task RecordAsync(IReadOnlyList<LineageEdgeInput> edges, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var now = _time.GetUtcNow();
        foreach (var edge in edges)
        {
            if ((edge.Source.Kind, edge.Target.Kind) is not ((SecurableKind.Table, SecurableKind.Table) or (SecurableKind.Column, SecurableKind.Column)))
            {
                CatalogThrow.Invalid($"Lineage {edge.Source} → {edge.Target} mixes levels: link table to table or column to column.");
            }

            if (string.IsNullOrWhiteSpace(edge.ProducerId) || edge.ProducerId.Length > 256)
            {
                CatalogThrow.Invalid($"Lineage {edge.Source} → {edge.Target} has no producer id: pass the statement, job or ingestion id.");
            }

            db.LineageEdges.Add(new LineageEdgeRecord
            {
                SourceTableId = await ResolveAsync(db, edge.Source, cancellationToken),
                SourceColumn = edge.Source.Column,
                TargetTableId = await ResolveAsync(db, edge.Target, cancellationToken),
                TargetColumn = edge.Target.Column,
                ProducerKind = edge.ProducerKind,
                ProducerId = edge.ProducerId,
                ProducerText = edge.ProducerText ?? "",
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Everything <paramref name="start"/> (a table or a column) is derived from, up to <paramref name="maxDepth"/> edges away.</summary>
    public Task<LineageGraph> UpstreamAsync(SecurablePath start, int maxDepth = int.MaxValue, CancellationToken cancellationToken = default) =>
        TraverseAsync(start, upstream: true, maxDepth, cancellationToken);

    /// <summary>Everything derived from <paramref name="start"/>, up to <paramref name="maxDepth"/> edges away.</summary>
    public Task<LineageGraph> DownstreamAsync(SecurablePath start, int maxDepth = int.MaxValue, CancellationToken cancellationToken = default) =>
        TraverseAsync(start, upstream: false, maxDepth, cancellationToken);

    /// <summary>Breadth-first, one query per level; the visited set makes cycles terminate.</summary>
    private async Task<LineageGraph> TraverseAsync(SecurablePath start, bool upstream, int maxDepth, CancellationToken ct)
    {
        if (maxDepth < 1)
        {
            CatalogThrow.Invalid($"Lineage depth {maxDepth} is too small: ask for at least 1 level.");
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var startId = await ResolveAsync(db, start, ct);
        var columnLevel = start.Kind == SecurableKind.Column;
        var startNode = (startId, columnLevel ? start.Column : null);
        var visited = new Dictionary<(Guid Table, string? Column), int> { [startNode] = 0 };
        var frontier = new List<(Guid Table, string? Column)> { startNode };
        var followed = new List<LineageEdgeRecord>();
        for (var depth = 1; depth <= maxDepth && frontier.Count > 0; depth++)
        {
            var tables = frontier.Select(n => n.Table).Distinct().ToList();
            var query = db.LineageEdges.AsNoTracking();
            query = upstream ? query.Where(e => tables.Contains(e.TargetTableId)) : query.Where(e => tables.Contains(e.SourceTableId));
            if (columnLevel)
            {
                query = query.Where(e => e.SourceColumn != null);
            }

            var edges = await query.ToListAsync(ct);
            var wanted = frontier.ToHashSet();
            var next = new List<(Guid, string?)>();
            foreach (var edge in edges)
            {
                var (from, to) = upstream
                    ? ((edge.TargetTableId, edge.TargetColumn), (edge.SourceTableId, edge.SourceColumn))
                    : ((edge.SourceTableId, edge.SourceColumn), (edge.TargetTableId, edge.TargetColumn));
                if (!columnLevel)
                {
                    (from, to) = ((from.Item1, null), (to.Item1, null));
                }

                if (!wanted.Contains(from))
                {
                    continue;
                }

                followed.Add(edge);
                if (visited.TryAdd(to, depth))
                {
                    next.Add(to);
                }
            }

            frontier = next;
        }

        var names = await TableNamesAsync(db, followed.SelectMany(e => new[] { e.SourceTableId, e.TargetTableId }).Append(startId), ct);
        var nodes = visited.Where(v => v.Key != startNode)
            .Select(v => new LineageNode(Path(names, v.Key.Table, v.Key.Column), v.Value))
            .OrderBy(n => n.Depth).ThenBy(n => n.Path.ToString(), StringComparer.Ordinal).ToList();
        var edgeList = followed.DistinctBy(e => e.Id)
            .Select(e => new LineageEdge(Path(names, e.SourceTableId, e.SourceColumn), Path(names, e.TargetTableId, e.TargetColumn),
                e.ProducerKind, e.ProducerId, e.ProducerText, e.CreatedAt))
            .ToList();
        return new LineageGraph(nodes, edgeList);
    }

    internal static async Task<Dictionary<Guid, SecurablePath>> TableNamesAsync(CatalogDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var rows = await db.Tables.AsNoTracking()
            .Where(t => distinct.Contains(t.Id))
            .Select(t => new { t.Id, Catalog = t.Schema!.Catalog!.Name, Schema = t.Schema.Name, t.Name })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new SecurablePath(r.Catalog, r.Schema, r.Name));
    }

    private static SecurablePath Path(Dictionary<Guid, SecurablePath> names, Guid table, string? column) =>
        names[table] with { Column = column };

    private static async Task<Guid> ResolveAsync(CatalogDbContext db, SecurablePath path, CancellationToken ct)
    {
        var table = await CatalogLookup.TableAsync(db, path, ct);
        if (path.Column is { } column && !await db.Columns.AnyAsync(c => c.TableId == table.Id && c.Name == column, ct))
        {
            CatalogThrow.NotFound("Column", path.ToString());
        }

        return table.Id;
    }
}
