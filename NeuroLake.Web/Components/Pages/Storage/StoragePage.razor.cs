using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Metering;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>
/// <c>/storage</c>: bytes and files per tier and per table (sortable), a chosen table's partitions, and for
/// administrators the file cache; figures cover only the tables the user may SELECT (<see cref="StorageReports"/>).
/// </summary>
public partial class StoragePage
{
    private static readonly IReadOnlyList<(StorageColumn Column, string Title, bool Right)> Headers =
    [
        (StorageColumn.Name, "Table", false),
        (StorageColumn.Tier, "Tier", false),
        (StorageColumn.Bytes, "Latest version", true),
        (StorageColumn.Files, "Files", true),
        (StorageColumn.OlderVersionsBytes, "Only older versions (files)", true),
    ];

    private StorageOverview? _overview;
    private StorageTableSort? _sort;
    private string? _error;
    private bool _loading;
    private string? _partitionsOf;
    private TablePartitions? _partitions;
    private string? _partitionsError;

    [Inject]
    private StorageReports Reports { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _overview = await Reports.OverviewAsync(User.Name);
            _sort = new StorageTableSort(_overview.Tables);
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

    private async Task ShowPartitionsAsync(string table)
    {
        _partitionsOf = table;
        _partitions = null;
        _partitionsError = null;
        try
        {
            _partitions = await Reports.PartitionsAsync(User.Name, SecurablePath.Parse(table));
            _partitionsError = _partitions is null ? "This table is gone, or you may no longer read it." : null;
        }
        catch (Exception e) when (e is NeuroLakeException or IOException or NotSupportedException)
        {
            // The reason may quote the table's location.
            _partitionsError = "The table's latest version could not be read; its page's History tab says more.";
        }
    }

    private string? SortIcon(StorageColumn column) =>
        _sort!.Column != column ? null : _sort.Descending ? Icons.Material.Filled.ArrowDownward : Icons.Material.Filled.ArrowUpward;

    internal static string TierKey(StorageTier tier) => tier.ToString().ToLowerInvariant();

    private static string TierTitle(StorageTier tier) => tier switch
    {
        StorageTier.Hot => "Hot · this server's disk",
        StorageTier.Warm => "Warm · object storage",
        StorageTier.Cold => "Cold · archive",
        _ => tier.ToString(),
    };

    private static string CatalogLink(string table)
    {
        var path = SecurablePath.Parse(table);
        return $"catalog/{Uri.EscapeDataString(path.Schema!)}/{Uri.EscapeDataString(path.Table!)}";
    }
}
