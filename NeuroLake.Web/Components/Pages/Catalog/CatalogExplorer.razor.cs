using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>The catalog explorer: a tree of schemas and tables beside a ranked search with filters, all state in the URL.</summary>
public partial class CatalogExplorer
{
    /// <summary>The most hits the engine's search returns (<see cref="CatalogSearchQuery.Limit"/>).</summary>
    private const int WidestSearch = CatalogSearch.MaxLimit;

    [Inject]
    private CatalogSearch CatalogSearch { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Catalog.VisibleTables Visible { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    public string? Text { get; set; }

    [SupplyParameterFromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [SupplyParameterFromQuery(Name = "schema")]
    public string? Schema { get; set; }

    [SupplyParameterFromQuery(Name = "tag")]
    public string? Tag { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    public string? Owner { get; set; }

    [SupplyParameterFromQuery(Name = "pii")]
    public string? Pii { get; set; }

    private ExplorerSearch Current { get; set; } = new();

    // What the form shows; becomes Current (through the URL) when submitted.
    private ExplorerSearch Draft { get; set; } = new();

    private IReadOnlyList<CatalogSearchHit>? Hits { get; set; }

    private string? Error { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        Current = ExplorerSearch.From(Text, Kind, Schema, Tag, Owner, Pii);
        Draft = ExplorerSearch.From(Text, Kind, Schema, Tag, Owner, Pii);
        (Hits, Error) = (null, null);
        if (!Current.IsSearch)
        {
            return;
        }

        try
        {
            // Visibility is decided after the engine ranks: ask for the widest page it gives so a reader who may see
            // few tables still gets up to a page of hits they may see, instead of a page emptied by the filter.
            var query = Current.ToQuery();
            var visible = await Visible.SearchHitsAsync(User.Name, await CatalogSearch.SearchAsync(query with { Limit = WidestSearch }));
            Hits = visible.Take(query.Limit).ToList();
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
        }
    }

    private void Search() => Navigation.NavigateTo(Draft.ToHref());
}
