using MudBlazor;
using NeuroLake.Web.Components.Pages.Catalog.Tabs;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// The tabs of the table page, in order. Adding a tab is one entry here: a component with a
/// <c>[Parameter, EditorRequired] public TablePageContext Table</c> parameter, shown at <c>?tab=&lt;id&gt;</c>.
/// A tab that keeps its own state in the URL reads it from <c>NavigationManager.Uri</c> in <c>OnParametersSet</c> (the
/// page re-renders its tab on every navigation); <c>[SupplyParameterFromQuery]</c> on a tab breaks navigation (see HistoryTab).
/// </summary>
public static class TableTabs
{
    public static IReadOnlyList<TabDefinition> All { get; } =
    [
        new("overview", "Overview", Icons.Material.Outlined.Info, typeof(OverviewTab)),
        new("columns", "Columns", Icons.Material.Outlined.ViewColumn, typeof(ColumnsTab)),
        new("sample", "Sample", Icons.Material.Outlined.GridOn, typeof(SampleTab)),
        new("schema-history", "Schema history", Icons.Material.Outlined.ManageHistory, typeof(SchemaHistoryTab)),
        new("history", "History", Icons.Material.Outlined.History, typeof(HistoryTab)),
        new("maintenance", "Maintenance", Icons.Material.Outlined.Build, typeof(MaintenanceTab)),
        new("lineage", "Lineage", Icons.Material.Outlined.AccountTree, typeof(LineageTab)),
        new("quality", "Quality", Icons.Material.Outlined.Insights, typeof(QualityTab)),
        new("cost", "Cost", Icons.Material.Outlined.Savings, typeof(CostTab)),
        new("access", "Access", Icons.Material.Outlined.Lock, typeof(AccessTab)),
        new("engines", "Other engines", Icons.Material.Outlined.Hub, typeof(EnginesTab)),
    ];

    /// <summary>Who read and changed the table, from the audit log: only its owners and administrators get this tab.</summary>
    public static TabDefinition Activity { get; } = new("activity", "Activity", Icons.Material.Outlined.ManageSearch, typeof(ActivityTab));

    /// <summary>The tabs a user sees: <see cref="All"/>, and <see cref="Activity"/> when they own the table or administer.</summary>
    public static IReadOnlyList<TabDefinition> For(bool ownerOrAdmin) => ownerOrAdmin ? [.. All, Activity] : All;
}
