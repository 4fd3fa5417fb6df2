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
        new("overview", "Overview", "bi-info-circle", typeof(OverviewTab)),
        new("columns", "Columns", "bi-layout-three-columns", typeof(ColumnsTab)),
        new("sample", "Sample", "bi-grid-3x3", typeof(SampleTab)),
        new("schema-history", "Schema history", "bi-clock-history", typeof(SchemaHistoryTab)),
        new("history", "History", "bi-clock", typeof(HistoryTab)),
        new("maintenance", "Maintenance", "bi-tools", typeof(MaintenanceTab)),
        new("lineage", "Lineage", "bi-diagram-3", typeof(LineageTab)),
        new("quality", "Quality", "bi-graph-up", typeof(QualityTab)),
    ];
}
