namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>The editor's text and selection at one moment; offsets are UTF-16 positions, as in a .NET string.</summary>
public sealed record EditorSnapshot(string Text, int From, int To, int Cursor);
