using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Components.Pages.Lineage;

/// <summary>Lineage upstream and downstream of one table, as a graph with depth and column-level controls.</summary>
public partial class LineageView
{
    /// <summary>Deepest traversal offered; lineage beyond it is rarely readable as a picture.</summary>
    public const int MaxDepth = NeuroLake.Web.Catalog.VisibleLineage.MaxDepth;

    private int _depth = 2;
    private bool _columnLevel;
    private bool _loading;
    private GraphElements? _elements;
    private string? _error;

    [Inject]
    private NeuroLake.Web.Catalog.VisibleLineage Lineage { get; set; } = default!;

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
            _elements = await Lineage.GraphAsync(User.Name, Table, _depth, _columnLevel);
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
