using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Impact;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// Lineage and impact analysis as one user may see them, for the lineage page and the API alike: tables the user may
/// not SELECT stay in the picture as anonymous restricted nodes (<see cref="RestrictedLineage"/>), and impact rows of
/// such tables are left out, so neither reveals a name the catalog pages would hide.
/// </summary>
public sealed class VisibleLineage(LineageStore lineage, SourceFileStore sourceFiles, ImpactAnalyzer analyzer, VisibleTables visible)
{
    /// <summary>Deepest traversal offered; lineage beyond it is rarely readable as a picture.</summary>
    public const int MaxDepth = 10;

    /// <summary>
    /// The graph upstream and downstream of <paramref name="start"/> (a table, or a column for column lineage) up to
    /// <paramref name="depth"/> edges away, with the files loaded into the tables <paramref name="user"/> may read.
    /// </summary>
    public async Task<GraphElements> GraphAsync(string user, SecurablePath start, int depth, bool columnLevel, CancellationToken ct = default)
    {
        var upstream = await lineage.UpstreamAsync(start, depth, ct);
        var downstream = await lineage.DownstreamAsync(start, depth, ct);
        var tables = upstream.Nodes.Concat(downstream.Nodes).Select(n => n.Path.TablePath)
            .Concat(upstream.Edges.Concat(downstream.Edges).SelectMany(e => new[] { e.Source.TablePath, e.Target.TablePath }))
            .Append(start.TablePath).Distinct().ToList();
        var selectable = await visible.SelectableAsync(user, tables, ct);
        var files = new List<SourceFileNode>();
        foreach (var table in tables.Where(selectable.Contains))
        {
            files.AddRange((await sourceFiles.ForTableAsync(table, ct)).Select(f => new SourceFileNode(table, f.FileName, f.Size, f.Sha256, f.TableVersion, f.ProducerId)));
        }

        var hidden = tables.Where(t => !selectable.Contains(t)).Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal);
        return RestrictedLineage.Hide(LineageGraphMapper.Map(start, upstream, downstream, columnLevel || start.Column is not null, files), hidden);
    }

    /// <summary>The assets downstream of <paramref name="start"/> (a table or column) <paramref name="user"/> may see, riskiest first, optionally for a proposed change.</summary>
    public async Task<IReadOnlyList<ImpactRow>> ImpactAsync(string user, SecurablePath start, ProposedChange? change = null, CancellationToken ct = default)
    {
        var report = await analyzer.AnalyzeAsync(start, change, ct);
        var readable = await visible.SelectableAsync(user, report.Assets.SelectMany(a => a.Path.Append(a.Asset)), ct);
        return ImpactRow.From(report, readable.Contains);
    }
}
