using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Cost;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Cost;

/// <summary>
/// <c>/cost</c>: a range's measured cost by tier, table, user and workload class, top movers, the three deployment
/// models with their assumptions, and a forecast band; what the user may see is decided by <see cref="CostVisibility"/>.
/// </summary>
public partial class CostPage
{
    private CostOverview? _overview;
    private Forecast? _forecast;
    private DateRange? _picked;
    private string? _error;
    private bool _loading;
    private bool _everything;
    private int _horizon = 30;

    [Inject]
    private CostReports Reports { get; set; } = default!;

    [Inject]
    private PrivilegeEvaluator Privileges { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _everything = await Privileges.IsAdminAsync(User.Name);
        await MonthToDateAsync();
    }

    private Task MonthToDateAsync()
    {
        var range = CostRange.MonthToDate(Reports.Today);
        _picked = new DateRange(range.From.ToDateTime(TimeOnly.MinValue), range.To.ToDateTime(TimeOnly.MinValue));
        return LoadAsync(range);
    }

    private Task ApplyRangeAsync() =>
        LoadAsync(() => CostRange.Of(
            _picked?.Start is { } start ? DateOnly.FromDateTime(start) : null,
            _picked?.End is { } end ? DateOnly.FromDateTime(end) : null,
            Reports.Today));

    private Task LoadAsync(CostRange range) => LoadAsync(() => range);

    private async Task LoadAsync(Func<CostRange> range)
    {
        _loading = true;
        _error = null;
        try
        {
            _overview = await Reports.OverviewAsync(User.Name, range());
            _forecast = (await Reports.ForecastAsync(User.Name, _horizon)).Value;
        }
        catch (CostException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ForecastAsync(int days)
    {
        _horizon = days;
        try
        {
            _forecast = (await Reports.ForecastAsync(User.Name, days)).Value;
        }
        catch (CostException e)
        {
            _error = e.Message;
        }
    }

    private static string ModelTitle(DeploymentModel model) => model switch
    {
        DeploymentModel.CloudOnly => "Cloud only",
        DeploymentModel.Hybrid => "Hybrid (as tiered now)",
        DeploymentModel.LocalOnly => "Local only",
        _ => model.ToString(),
    };
}
