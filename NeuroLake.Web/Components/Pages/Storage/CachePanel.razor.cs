using Microsoft.AspNetCore.Components;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>
/// The file cache for administrators: capacity, bytes held, hit rate and evictions since the process started, and the
/// stored samples of the last day, week or month as charts; anyone else is told why they see none.
/// </summary>
public partial class CachePanel
{
    private static readonly IReadOnlyList<(int Days, string Title)> Ranges = [(1, "Last day"), (7, "Last 7 days"), (CacheRange.MaxDays, $"Last {CacheRange.MaxDays} days")];

    private CacheReport? _report;
    private string? _error;
    private bool _admin;
    private int _days = 1;

    [Inject]
    private StorageReports Reports { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _admin = await Reports.CanSeeCacheAsync(User.Name);
        if (_admin)
        {
            await ShowAsync(_days);
        }
    }

    private async Task ShowAsync(int days)
    {
        _days = days;
        var now = Reports.Now;
        var (range, problem) = CacheRange.Of(now.AddDays(-days), now);
        _error = problem;
        if (range is not null)
        {
            _report = await Reports.CacheAsync(User.Name, range);
        }
    }

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "none (no lookups)";
}
