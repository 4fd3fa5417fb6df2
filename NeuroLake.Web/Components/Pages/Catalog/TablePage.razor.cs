using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>One table of the catalog, its sections in tabs (<see cref="TableTabs"/>), the active one in <c>?tab=</c>.</summary>
public partial class TablePage
{
    [Inject]
    private TableAccess Tables { get; set; } = default!;

    [Inject]
    private VisibleTables Visible { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private NeuroLake.Engine.Governance.PrivilegeEvaluator Privileges { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The table's schema (from the route).</summary>
    [Parameter]
    public string Schema { get; set; } = "";

    /// <summary>The table's name (from the route).</summary>
    [Parameter]
    public string Table { get; set; } = "";

    /// <summary>The active tab's id; the first tab when absent.</summary>
    [SupplyParameterFromQuery(Name = TabSelection.QueryKey)]
    public string? RequestedTab { get; set; }

    private TablePageContext? Context { get; set; }

    private string? Error { get; set; }

    private TabSelection Selection { get; set; } = new(TableTabs.All, null);

    private string BasePath => $"catalog/{Uri.EscapeDataString(Schema)}/{Uri.EscapeDataString(Table)}";

    private Dictionary<string, object?> TabParameters => new() { ["Table"] = Context };

    private int ActiveIndex => Selection.Tabs.ToList().IndexOf(Selection.Active);

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Catalog", href: "catalog"),
        new(Schema, href: $"catalog?schema={Uri.EscapeDataString(Schema)}"),
        new(Table, href: null, disabled: true),
    ];

    private TableName? _loaded;

    protected override async Task OnParametersSetAsync()
    {
        var name = TableName.TryCreate(Schema, Table);
        if (name is null)
        {
            (Context, Error) = (null, $"'{Schema}.{Table}' is not a table name: schema and table are letters, digits and underscores.");
            return;
        }

        if (name != _loaded)
        {
            _loaded = name;
            Context = null;
            await LoadAsync(name);
        }

        Selection = new TabSelection(TableTabs.For(Context?.OwnerOrAdmin == true), RequestedTab);
    }

    private async Task LoadAsync(TableName name)
    {
        try
        {
            // One answer for a missing table and a hidden one, so the page does not reveal which tables exist.
            var info = await Visible.CanSelectAsync(User.Name, name.Path) ? await Tables.FindAsync(name, CancellationToken.None) : null;
            Error = info is null ? $"There is no table {name} in the catalog, or you may not read it. Pick one from the catalog explorer." : null;
            var ownerOrAdmin = info is not null && await Privileges.IsOwnerOrAdminAsync(User.Name, name.Path);
            Context = info is null ? null : new TablePageContext(name, info, () => ReloadAsync(name), ownerOrAdmin);
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
        }
    }

    // MudTabs may report a transient index while its panels register during prerendering; only a user's choice on
    // the interactive page changes the address.
    private void OpenTab(int index)
    {
        if (RendererInfo.IsInteractive && index >= 0 && index < Selection.Tabs.Count && Selection.Tabs[index] != Selection.Active)
        {
            Navigation.NavigateTo(Selection.HrefOf(BasePath, Selection.Tabs[index]));
        }
    }

    private async Task ReloadAsync(TableName name)
    {
        await LoadAsync(name);
        Selection = new TabSelection(TableTabs.For(Context?.OwnerOrAdmin == true), RequestedTab);
        StateHasChanged();
    }
}
