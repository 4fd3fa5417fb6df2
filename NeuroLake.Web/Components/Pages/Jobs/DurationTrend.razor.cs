using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Web.Components.Pages.Jobs;

public partial class DurationTrend
{
    private IReadOnlyList<JobRunDuration>? _runs;
    private IReadOnlyList<DurationPoint> _points = [];

    [Inject]
    private JobRunStore Runs { get; set; } = null!;

    [Inject]
    private UserClock Clock { get; set; } = null!;

    /// <summary>The recurring job whose runs are drawn. Required.</summary>
    [Parameter, EditorRequired]
    public JobDefinition Job { get; set; } = null!;

    /// <summary>How many of the newest finished runs to draw: 1 to <see cref="JobRunStore.MaxDurations"/>; default 50.</summary>
    [Parameter]
    public int Count { get; set; } = 50;

    private string Summary
    {
        get
        {
            var seconds = _runs!.Select(r => r.Duration.TotalSeconds).Order().ToList();
            var median = TimeSpan.FromSeconds(seconds[seconds.Count / 2]);
            return $"The last {_runs!.Count} finished runs: median {JobDurations.Text(median)}, latest {JobDurations.Text(_runs![^1].Duration)} ({_runs[^1].Status}).";
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _runs = await Runs.DurationsAsync(Job.Id, Count);
        _points = DurationPoint.From(_runs, Clock);
    }
}
