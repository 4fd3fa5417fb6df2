using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// Asks before an action that changes a table: the title is the question, the body says what will change, the confirming
/// button names the action. Focus starts on Cancel (the first button), so a stray Enter never confirms.
/// </summary>
public partial class ConfirmActionDialog
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>What will change if confirmed. Required.</summary>
    [Parameter, EditorRequired]
    public RenderFragment Body { get; set; } = default!;

    /// <summary>The confirming button's text, naming the action (e.g. "Restore version 1"). Required.</summary>
    [Parameter, EditorRequired]
    public string ConfirmText { get; set; } = "";

    /// <summary>The confirming button's colour. Default <see cref="Color.Error"/>: these actions change or delete data.</summary>
    [Parameter]
    public Color ConfirmColor { get; set; } = Color.Error;

    /// <summary>
    /// Shows the question and waits for the answer: true when the user confirmed; false on Cancel, Escape or a click
    /// outside the dialog.
    /// </summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, string title, string confirmText, RenderFragment body, Color confirmColor = Color.Error)
    {
        var parameters = new DialogParameters<ConfirmActionDialog>
        {
            { d => d.Body, body },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
        };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Large, FullWidth = true, BackdropClick = true };
        var dialog = await dialogs.ShowAsync<ConfirmActionDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }

    private void Cancel() => Dialog.Cancel();

    private void Confirm() => Dialog.Close(DialogResult.Ok(true));
}
