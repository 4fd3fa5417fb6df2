using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>Lineage upstream and downstream of one table, as a graph with depth and column-level controls.</summary>
public partial class LineageView
{
    /// <summary>Deepest traversal offered; lineage beyond it is rarely readable as a picture.</summary>
    public const int MaxDepth = 10;

    private int _depth = 2;
    private bool _columnLevel;
    private bool _loading;
    private GraphElements? _elements;
    private string? _error;

    [Inject]
    private LineageStore Lineage { get; set; } = default!;

    [Inject]
    private SourceFileStore SourceFiles { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Catalog.VisibleTables Visible { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    /// <summary>The table (catalog.schema.table) the graph is drawn around. Required.</summary>
    [Parameter, EditorRequired]
    public SecurablePath Table { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private Task SetDepthAsync(int depth)
    {
        _depth = Math.Clamp(depth, 1, MaxDepth);
        return LoadAsync();
    }

    private Task ToggleColumnsAsync(bool columnLevel)
    {
        _columnLevel = columnLevel;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var upstream = await Lineage.UpstreamAsync(Table, _depth);
            var downstream = await Lineage.DownstreamAsync(Table, _depth);
            var tables = upstream.Nodes.Concat(downstream.Nodes).Select(n => n.Path.TablePath)
                .Concat(upstream.Edges.Concat(downstream.Edges).SelectMany(e => new[] { e.Source.TablePath, e.Target.TablePath }))
                .Append(Table.TablePath).Distinct().ToList();
            var selectable = await Visible.SelectableAsync(User.Name, tables);
            var files = new List<SourceFileNode>();
            foreach (var table in tables.Where(selectable.Contains))
            {
                files.AddRange((await SourceFiles.ForTableAsync(table)).Select(f => new SourceFileNode(table, f.FileName, f.Size, f.Sha256, f.TableVersion, f.ProducerId)));
            }

            var hidden = tables.Where(t => !selectable.Contains(t)).Select(t => t.ToString()).ToHashSet(StringComparer.Ordinal);
            _elements = RestrictedLineage.Hide(LineageGraphMapper.Map(Table, upstream, downstream, _columnLevel, files), hidden);
            _error = null;
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }
}
