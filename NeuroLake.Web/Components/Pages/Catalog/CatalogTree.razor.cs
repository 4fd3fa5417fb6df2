using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>The schemas of the catalog, each expanding to its tables (loaded when first expanded).</summary>
public partial class CatalogTree
{
    [Inject]
    private CatalogStore Catalog { get; set; } = default!;

    /// <summary>A schema to show expanded from the start (e.g. the explorer's schema filter). Default none.</summary>
    [Parameter]
    public string? Expanded { get; set; }

    private IReadOnlyList<string>? Schemas { get; set; }

    // Expanded schemas; null tables while they load.
    private Dictionary<string, IReadOnlyList<string>?> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    private string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var catalogs = await Catalog.ListCatalogsAsync();
            Schemas = catalogs.Any(c => c.Catalog == TableName.Catalog)
                ? (await Catalog.ListSchemasAsync(TableName.Catalog)).Select(s => s.Schema!).ToList()
                : [];
            if (Expanded is { } schema && Schemas.Contains(schema, StringComparer.OrdinalIgnoreCase))
            {
                await ToggleAsync(Schemas.First(s => string.Equals(s, schema, StringComparison.OrdinalIgnoreCase)));
            }
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
        }
    }

    private async Task ToggleAsync(string schema)
    {
        if (Tables.Remove(schema))
        {
            return;
        }

        Tables[schema] = null;
        try
        {
            Tables[schema] = (await Catalog.ListTablesAsync(TableName.Catalog, schema)).Select(t => t.Table!).ToList();
        }
        catch (NeuroLakeException e)
        {
            Tables.Remove(schema);
            Error = e.Message;
        }
    }
}
