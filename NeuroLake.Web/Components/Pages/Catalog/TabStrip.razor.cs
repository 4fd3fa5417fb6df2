using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>A row of tabs whose active tab lives in the URL (<c>?tab=</c>); see <see cref="TabSelection"/>.</summary>
public partial class TabStrip
{
    private readonly Dictionary<string, ElementReference> _links = [];
    private bool _focusActive;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The tabs and which is active. Required.</summary>
    [Parameter, EditorRequired]
    public TabSelection Selection { get; set; } = default!;

    /// <summary>The page's path without query string (e.g. <c>catalog/sales/orders</c>); tab links add <c>?tab=</c> to it. Required.</summary>
    [Parameter, EditorRequired]
    public string BasePath { get; set; } = "";

    /// <summary>The tab list's accessible name. Default "Sections".</summary>
    [Parameter]
    public string Label { get; set; } = "Sections";

    private void OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (Selection.Neighbour(e.Key) is { } target && target != Selection.Active)
        {
            _focusActive = true;
            Navigation.NavigateTo(Selection.HrefOf(BasePath, target));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusActive && _links.TryGetValue(Selection.Active.Id, out var link))
        {
            _focusActive = false;
            await link.FocusAsync();
        }
    }
}
