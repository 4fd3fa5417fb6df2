namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>The editor's text and selection at one moment; offsets are UTF-16 positions, as in a .NET string.</summary>
public sealed record EditorSnapshot(string Text, int From, int To, int Cursor);

/// <summary>A document's new text, with the key it was shown under (<see cref="SqlCodeEditor.SetTextAsync"/>).</summary>
public sealed record EditorTextChange(string Key, string Text);
