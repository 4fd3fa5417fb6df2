using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>What the editor runs: the whole script, or the selection, or else the statement under the cursor.</summary>
public enum RunScope
{
    All,
    SelectionOrStatement,
}

/// <summary>
/// A piece of the editor's text to run, and where it starts, so lines the engine reports (relative to the piece) map
/// back to editor lines.
/// </summary>
/// <param name="Sql">The text to run.</param>
/// <param name="FirstLine">One-based editor line of the piece's first character.</param>
public sealed record ScriptPart(string Sql, int FirstLine)
{
    /// <summary>The editor line of a one-based line inside <see cref="Sql"/>.</summary>
    public int EditorLine(int line) => FirstLine + line - 1;

    /// <summary>
    /// The piece to run: everything for <see cref="RunScope.All"/>; otherwise a non-blank selection
    /// (<paramref name="from"/>..<paramref name="to"/>), or the statement under <paramref name="cursor"/> as the engine's
    /// <see cref="SqlScript.StatementAt"/> finds it. Null when there is nothing to run.
    /// </summary>
    /// <exception cref="SqlSyntaxException">Finding the statement under the cursor needs a script the lexer can read.</exception>
    public static ScriptPart? Choose(string text, RunScope scope, int from, int to, int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (scope == RunScope.All)
        {
            return string.IsNullOrWhiteSpace(text) ? null : new ScriptPart(text, 1);
        }

        var start = Math.Clamp(Math.Min(from, to), 0, text.Length);
        var end = Math.Clamp(Math.Max(from, to), 0, text.Length);
        if (end > start && !string.IsNullOrWhiteSpace(text[start..end]))
        {
            return new ScriptPart(text[start..end], LineOf(text, start));
        }

        var statement = SqlScript.Parse(text).StatementAt(cursor);
        return statement is null ? null : new ScriptPart(statement.Text, statement.Span.Line);
    }

    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
