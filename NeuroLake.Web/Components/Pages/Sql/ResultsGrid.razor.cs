using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// A virtualized results grid: fixed-height rows so 10,000 rows scroll smoothly, click a header to sort, click a cell
/// (or move with the arrow keys) and press Ctrl+C or "Copy cell" to copy it, Ctrl+Shift+C or "Copy row" to copy its
/// row as tab-separated values.
/// </summary>
public sealed partial class ResultsGrid
{
    /// <summary>Row height in pixels; Virtualize needs every row the same height.</summary>
    private const int RowHeight = 30;

    private string? _copyStatus;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The grid's rows, order and selection. Required.</summary>
    [Parameter, EditorRequired]
    public ResultGridState State { get; set; } = default!;

    /// <summary>The grid's accessible name. Default "Results".</summary>
    [Parameter]
    public string Label { get; set; } = "Results";

    private string SortIcon(int column) => State.AriaSort(column) switch
    {
        "ascending" => Icons.Material.Filled.ArrowUpward,
        "descending" => Icons.Material.Filled.ArrowDownward,
        _ => Icons.Material.Filled.UnfoldMore,
    };

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown":
                State.Move(1, 0);
                break;
            case "ArrowUp":
                State.Move(-1, 0);
                break;
            case "ArrowRight":
                State.Move(0, 1);
                break;
            case "ArrowLeft":
                State.Move(0, -1);
                break;
            case "c" or "C" when (e.CtrlKey || e.MetaKey) && e.ShiftKey:
                await CopyRowAsync();
                break;
            case "c" or "C" when e.CtrlKey || e.MetaKey:
                await CopyCellAsync();
                break;
        }
    }

    private Task CopyCellAsync() => CopyAsync(State.SelectedText, "Copied the cell");

    private Task CopyRowAsync() => CopyAsync(State.SelectedRowText, "Copied the row");

    private async Task CopyAsync(string? text, string done)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            _copyStatus = done;
        }
        catch (JSException e)
        {
            _copyStatus = $"Could not copy: {e.Message}";
        }
        catch (JSDisconnectedException)
        {
            // The page is gone.
        }
    }
}
