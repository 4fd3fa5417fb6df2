using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog.Tabs;

/// <summary>
/// OPTIMIZE (optionally Z-ordered) and VACUUM (dry-run preview, then confirm), run as the user's SQL through the query
/// service; running work shows its elapsed time, phase and DuckDB's percent when DuckDB reports one.
/// </summary>
public partial class MaintenanceTab
{
    /// <summary>The table shown. Required.</summary>
    [Parameter, EditorRequired]
    public TablePageContext Table { get; set; } = default!;

    [Inject]
    private TableAccess Tables { get; set; } = default!;

    // OPTIMIZE changes no rows and deletes nothing, so it runs without a preview.
    private ConfirmationFlow<object, StatementResult> Optimize { get; } = new();

    private ConfirmationFlow<VacuumPreview, VacuumOutcome> Vacuum { get; } = new();

    private List<string> ZOrder { get; } = [];

    // Each section's running statement (one at a time per section; a new run replaces it).
    private QueryProgress? OptimizeProgress { get; set; }

    private QueryProgress? VacuumProgress { get; set; }

    private string RetentionText { get; set; } = MaintenanceStatements.DefaultRetentionHours.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? RetentionError { get; set; }

    // Partition columns hold one value per file already; Z-ordering applies to the others.
    private IReadOnlyList<string> ZOrderCandidates => Table.Info.Columns.Select(c => c.Name)
        .Where(c => !Table.Info.PartitionColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();

    private void Toggle(string column)
    {
        if (!ZOrder.Remove(column))
        {
            ZOrder.Add(column);
        }
    }

    private async Task RunOptimizeAsync()
    {
        var zorder = ZOrderCandidates.Where(ZOrder.Contains).ToList();
        OptimizeProgress = new QueryProgress();
        await Optimize.RunAsync(() => Tables.RunAsync(MaintenanceStatements.Optimize(Table.Name, zorder), 10, CancellationToken.None, OptimizeProgress));
        if (Optimize.Result?.TableWritten is not null)
        {
            await Table.ReloadAsync();
        }
    }

    private async Task PreviewVacuumAsync()
    {
        if (MaintenanceStatements.ParseRetention(RetentionText, out var error) is not { } hours)
        {
            RetentionError = error;
            return;
        }

        RetentionError = null;
        await Vacuum.PrepareAsync(async () =>
        {
            var result = await Tables.RunAsync(MaintenanceStatements.Vacuum(Table.Name, hours, dryRun: true), VacuumPreview.ListedFiles, CancellationToken.None);
            var files = result.Rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            return new VacuumPreview(hours, files, result.HasMoreRows);
        });
    }

    private async Task ConfirmVacuumAsync()
    {
        await Vacuum.ConfirmAsync(async preview =>
        {
            VacuumProgress = new QueryProgress();
            var result = await Tables.RunAsync(MaintenanceStatements.Vacuum(Table.Name, preview.RetainHours, dryRun: false), VacuumPreview.ListedFiles, CancellationToken.None, VacuumProgress);
            return new VacuumOutcome(result.Rows.Count, result.Rows.Sum(r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture)), result.HasMoreRows);
        });
        if (Vacuum.Stage == FlowStage.Done)
        {
            await Table.ReloadAsync();
        }
    }
}
