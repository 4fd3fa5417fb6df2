using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Health;

namespace NeuroLake.Web.Components.Pages.Home;

/// <summary>
/// The landing page: a new user (no tables yet) is pointed to Ingest first, one who may read none of the existing tables
/// is told to ask for a grant; then quick actions, recent tables and queries, and whether the engine is alive and (to
/// administrators, since it names server folders) how it is configured.
/// </summary>
public partial class Home
{
    private const int RecentTablesShown = 8;
    private IReadOnlyList<TableInfo>? _tables;
    private bool _noneShared;
    private string? _tablesError;

    [Inject]
    private EngineStatusProbe Probe { get; set; } = default!;

    [Inject]
    private CatalogTables Catalog { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    private EngineStatus Status { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Status = Probe.Check();
        try
        {
            var listing = await Catalog.ListingAsync(User.Name);
            _noneShared = listing.NoneShared;
            _tables = listing.Visible.OrderByDescending(t => t.UpdatedAt).Take(RecentTablesShown).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException) // the catalog database itself may fail; say so in place
        {
            _tablesError = e.Message;
        }
    }

    private void CheckAgain() => Status = Probe.Check();
}
