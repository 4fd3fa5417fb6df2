using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>The schemas of the catalog, each expanding to its tables (loaded when first expanded); selecting a table opens its page.</summary>
public partial class CatalogTree
{
    [Inject]
    private CatalogStore Catalog { get; set; } = default!;

    [Inject]
    private VisibleTables Visible { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>A schema to show expanded from the start (e.g. the explorer's schema filter). Default none.</summary>
    [Parameter]
    public string? Expanded { get; set; }

    private IReadOnlyList<string>? Schemas { get; set; }

    // Expanded schemas; null tables while they load.
    private Dictionary<string, IReadOnlyList<string>?> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    private string? Selected { get; set; }

    private string? Error { get; set; }

    /// <summary>The table page's link, which is also the tree item's value.</summary>
    public static string TableHref(string schema, string table) => $"catalog/{schema}/{table}";

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var catalogs = await Catalog.ListCatalogsAsync();
            Schemas = catalogs.Any(c => c.Catalog == TableName.Catalog)
                ? await Visible.SchemasAsync(User.Name, TableName.Catalog, (await Catalog.ListSchemasAsync(TableName.Catalog)).Select(s => s.Schema!))
                : [];
            if (Expanded is { } schema && Schemas.FirstOrDefault(s => string.Equals(s, schema, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                await ToggleAsync(known, open: true);
            }
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
        }
    }

    private async Task ToggleAsync(string schema, bool open)
    {
        if (!open)
        {
            Tables.Remove(schema);
            return;
        }

        if (Tables.ContainsKey(schema))
        {
            return;
        }

        Tables[schema] = null;
        try
        {
            var tables = await Catalog.ListTablesAsync(TableName.Catalog, schema);
            Tables[schema] = (await Visible.FilterAsync(User.Name, tables, t => t)).Select(t => t.Table!).ToList();
        }
        catch (NeuroLakeException e)
        {
            Tables.Remove(schema);
            Error = e.Message;
        }
    }

    // Only table items are selectable (schemas and placeholders are read-only), so a selection is a table to open.
    private void Open(string? href)
    {
        Selected = href;
        if (href is not null)
        {
            Navigation.NavigateTo(href);
        }
    }
}
