using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>
/// An in-place edit of one text value: begin with the current value, change the draft, save through a callback.
/// A save the engine refuses keeps the editor open with the draft and the engine's message, so nothing typed is lost.
/// </summary>
public sealed class InlineEdit
{
    public bool IsEditing { get; private set; }

    public bool IsSaving { get; private set; }

    public string Draft { get; set; } = "";

    /// <summary>Why the last save failed (the engine's message), or null.</summary>
    public string? Error { get; private set; }

    public void Begin(string current)
    {
        Draft = current;
        Error = null;
        IsEditing = true;
    }

    public void Cancel()
    {
        IsEditing = false;
        Error = null;
    }

    /// <returns>True when saved (the editor closes); false when refused (the editor stays open with <see cref="Error"/>).</returns>
    public async Task<bool> SaveAsync(Func<string, Task> save)
    {
        if (!IsEditing || IsSaving)
        {
            return false;
        }

        IsSaving = true;
        Error = null;
        try
        {
            await save(Draft);
            IsEditing = false;
            return true;
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
            return false;
        }
        finally
        {
            IsSaving = false;
        }
    }
}
