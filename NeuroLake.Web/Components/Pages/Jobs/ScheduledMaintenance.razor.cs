using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Web.Components.Pages.Jobs;

public partial class ScheduledMaintenance
{
    private IReadOnlyList<JobDefinition> _jobs = [];

    [Inject]
    private JobDefinitionStore Definitions { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The table whose jobs are shown.</summary>
    [Parameter, EditorRequired]
    public SecurablePath Table { get; set; } = null!;

    protected override async Task OnParametersSetAsync() => _jobs = await Definitions.ListAsync(Table);

    private static string Does(JobDefinition job) => job.Maintenance is { } m
        ? string.Join(" + ", new[]
        {
            m.Optimize ? (m.ZOrderColumns.Count > 0 ? $"OPTIMIZE ZORDER BY ({string.Join(", ", m.ZOrderColumns)})" : "OPTIMIZE") : null,
            m.Vacuum ? "VACUUM" : null,
        }.Where(s => s is not null)) + (m.MinSmallFiles is { } n ? $" when more than {n} small files" : "")
        : job.Kind == JobKind.QualityReprofile ? "quality re-profiling" : job.Kind.ToString();

    private async Task ScheduleAsync()
    {
        var form = new JobForm { Name = $"Nightly OPTIMIZE of {Table.Schema}.{Table.Table}", Kind = JobKind.TableMaintenance, Table = Table.ToString() };
        var parameters = new DialogParameters<JobEditorDialog> { { d => d.Form, form } };
        var dialog = await Dialogs.ShowAsync<JobEditorDialog>("Schedule maintenance", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Scheduled {form.Name}.", Severity.Success);
            _jobs = await Definitions.ListAsync(Table);
        }
    }
}
