using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>A value shown as text with an Edit button; editing saves through <see cref="OnSave"/> and shows a refusal in place.</summary>
public partial class EditableText
{
    private readonly InlineEdit Edit = new();
    private MudTextField<string>? _input;
    private bool _focusInput;

    /// <summary>The current value. Default empty.</summary>
    [Parameter]
    public string Value { get; set; } = "";

    /// <summary>The value's name, used for the editor's accessible label and the buttons (e.g. "Description"). Required.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>Stores the edited text; throwing a <c>NeuroLakeException</c> keeps the editor open with its message. Required.</summary>
    [Parameter, EditorRequired]
    public Func<string, Task> OnSave { get; set; } = default!;

    /// <summary>A text area (Enter makes a new line) instead of a one-line input (Enter saves). Default false.</summary>
    [Parameter]
    public bool Multiline { get; set; }

    /// <summary>Shown when the value is empty. Default "None".</summary>
    [Parameter]
    public string Empty { get; set; } = "None";

    /// <summary>Placeholder of the one-line input. Default none.</summary>
    [Parameter]
    public string? Placeholder { get; set; }

    private void Begin()
    {
        Edit.Begin(Value);
        _focusInput = true;
    }

    private Task SaveAsync() => Edit.SaveAsync(OnSave);

    private void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Edit.Cancel();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusInput && Edit.IsEditing && _input is not null)
        {
            _focusInput = false;
            await _input.FocusAsync();
        }
    }
}
