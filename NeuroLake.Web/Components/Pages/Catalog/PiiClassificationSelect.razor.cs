using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// Lets the table's owner or an administrator change what personal data a column holds after ingest; the mask
/// follows the new kind. Shown only when <see cref="TablePageContext.OwnerOrAdmin"/>; the engine checks again.
/// </summary>
public partial class PiiClassificationSelect
{
    private const string NotPersonal = "";

    /// <summary>The column whose classification is shown and changed. Required.</summary>
    [Parameter, EditorRequired]
    public ColumnInfo Column { get; set; } = default!;

    /// <summary>The table the column belongs to; reloaded after a change so every tab sees it. Required.</summary>
    [Parameter, EditorRequired]
    public TablePageContext Table { get; set; } = default!;

    [Inject]
    private ColumnClassifier Classifier { get; set; } = default!;

    [Inject]
    private NeuroLake.Web.Identity.IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool _saving;
    private string? _error;

    private string Current => Column.Pii?.Type ?? NotPersonal;

    private static string Readable(string? stored) =>
        string.IsNullOrEmpty(stored) ? "No personal data" : SemanticTypeNames.TryParse(stored, out var type) ? SemanticTypeNames.Readable(type) : stored;

    private async Task ChangeAsync(string stored)
    {
        if (stored == Current)
        {
            return;
        }
        SemanticType? type = SemanticTypeNames.TryParse(stored, out var parsed) ? parsed : null;
        if (type is null && stored != NotPersonal)
        {
            return;
        }
        (_saving, _error) = (true, null);
        try
        {
            await Classifier.ClassifyAsync(User.Name, Table.Info.Path with { Column = Column.Name }, type);
            await Table.ReloadAsync();
            Snackbar.Add($"{Column.Name} is now classified as {Readable(stored)}.", Severity.Success);
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
