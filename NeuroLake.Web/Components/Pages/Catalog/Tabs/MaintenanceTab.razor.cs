using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Tables;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Catalog.Tabs;

/// <summary>
/// OPTIMIZE (optionally Z-ordered) and VACUUM (dry-run preview, then confirm), run as the user's SQL through the query
/// service; running work shows its elapsed time, phase and DuckDB's percent when DuckDB reports one. A retention shorter
/// than the table's own is a visible switch that asks first, not a table property to find.
/// </summary>
public partial class MaintenanceTab
{
    private static readonly InputMode DecimalInput = InputMode.@decimal;

    /// <summary>The table shown. Required.</summary>
    [Parameter, EditorRequired]
    public TablePageContext Table { get; set; } = default!;

    [Inject]
    private TableAccess Tables { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    // OPTIMIZE changes no rows and deletes nothing, so it runs without a preview.
    private ConfirmationFlow<object, StatementResult> Optimize { get; } = new();

    private ConfirmationFlow<VacuumPreview, VacuumOutcome> Vacuum { get; } = new();

    private List<string> ZOrder { get; } = [];

    // Each section's running statement (one at a time per section; a new run replaces it).
    private QueryProgress? OptimizeProgress { get; set; }

    private QueryProgress? VacuumProgress { get; set; }

    private string RetentionText { get; set; } = MaintenanceStatements.DefaultRetentionHours.ToString(CultureInfo.InvariantCulture);

    private string? RetentionError { get; set; }

    /// <summary>The user confirmed that VACUUM may retain less than <see cref="MinimumRetentionHours"/>.</summary>
    private bool AllowShortRetention { get; set; }

    /// <summary>The retention of the last dry run that found nothing to delete, while its note is shown.</summary>
    private double? NothingToDelete { get; set; }

    /// <summary>How long the table keeps removed files (<c>delta.deletedFileRetentionDuration</c>, a week by default).</summary>
    private double MinimumRetentionHours => TableProperties.DeletedFileRetention(Table.Info.Properties).TotalHours;

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
        if (Optimize.Result is not { } result)
        {
            return;
        }

        Snackbar.Add(result.TableWritten is { } written ? $"OPTIMIZE committed version {written.Version}." : "Nothing to optimize: the files are already compact.", Severity.Success);
        if (result.TableWritten is not null)
        {
            await Table.ReloadAsync();
        }
    }

    private async Task ChangeShortRetentionAsync(bool allow)
    {
        // The switch shows the new position while the question is open; a Cancel then moves it back.
        AllowShortRetention = allow;
        RetentionError = null;
        if (allow)
        {
            StateHasChanged();
            AllowShortRetention = await ConfirmActionDialog.AskAsync(
                Dialogs, $"Allow a retention shorter than {MinimumRetentionHours:0.###} hours?", "Allow shorter retention", ShortRetentionQuestion(), Color.Warning);
        }
    }

    private async Task PreviewVacuumAsync()
    {
        NothingToDelete = null;
        if (MaintenanceStatements.ParseRetention(RetentionText, out var error) is not { } hours)
        {
            RetentionError = error;
            return;
        }

        if (hours < MinimumRetentionHours && !AllowShortRetention)
        {
            RetentionError = $"{hours:0.###} hours is shorter than the table's {MinimumRetentionHours:0.###} hours: switch on 'Allow retention shorter than the table's minimum' to go below it.";
            return;
        }

        RetentionError = null;
        var allowShort = AllowShortRetention;
        await Vacuum.PrepareAsync(async () =>
        {
            var sql = MaintenanceStatements.Vacuum(Table.Name, hours, dryRun: true);
            var result = await Tables.RunAsync(sql, VacuumPreview.ListedFiles, CancellationToken.None, allowShortVacuumRetention: allowShort);
            var files = result.Rows.Select(r => ((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
            return new VacuumPreview(hours, files, result.HasMoreRows);
        });
        if (Vacuum is not { Stage: FlowStage.Confirming, Preview: { } preview })
        {
            return;
        }

        if (preview.Files.Count == 0)
        {
            Vacuum.Cancel();
            NothingToDelete = hours;
            return;
        }

        StateHasChanged();
        if (!await ConfirmActionDialog.AskAsync(Dialogs, $"Delete {preview.FileCount}?", $"Delete {preview.FileCount}", DeleteQuestion(preview)))
        {
            Vacuum.Cancel();
            return;
        }

        await ConfirmVacuumAsync(allowShort);
    }

    private async Task ConfirmVacuumAsync(bool allowShort)
    {
        await Vacuum.ConfirmAsync(async preview =>
        {
            VacuumProgress = new QueryProgress();
            var sql = MaintenanceStatements.Vacuum(Table.Name, preview.RetainHours, dryRun: false);
            var result = await Tables.RunAsync(sql, VacuumPreview.ListedFiles, CancellationToken.None, VacuumProgress, allowShort);
            return new VacuumOutcome(result.Rows.Count, result.Rows.Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)), result.HasMoreRows);
        });
        if (Vacuum is { Stage: FlowStage.Done, Result: { } done })
        {
            Snackbar.Add(done.More
                ? $"VACUUM deleted more than {done.Files:N0} files; the first {done.Files:N0} came to {ByteSize.Format(done.Bytes)}."
                : $"VACUUM deleted {done.Files:N0} file(s), {ByteSize.Format(done.Bytes)}.", Severity.Success);
            Vacuum.Cancel();
            await Table.ReloadAsync();
        }
    }
}
