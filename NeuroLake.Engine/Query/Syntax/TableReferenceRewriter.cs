using System.Text;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Replaces each table reference in a statement with SQL for the relation it resolves to (for example
/// <c>read_parquet([...])</c> over a snapshot's files, or a subquery), keeping comments and layout.
/// Each replacement keeps the reference's alias, or gets one equal to the table name, so <c>t.col</c> still
/// works; columns qualified with the full name (<c>s.t.col</c>) are shortened to that alias.
/// </summary>
internal static class TableReferenceRewriter
{
    private readonly record struct Edit(int Start, int End, string Text);

    /// <summary>Finds the statement's reads and rewrites them.</summary>
    public static string Rewrite(SqlStatement statement, Func<TableReference, string> resolve) =>
        Rewrite(statement, TableReferenceFinder.FindReads(statement), resolve);

    /// <param name="resolve">SQL usable in a FROM clause for the reference, without an alias.</param>
    /// <returns>The statement's text with the references replaced.</returns>
    public static string Rewrite(SqlStatement statement, IReadOnlyList<TableReference> references, Func<TableReference, string> resolve) =>
        Rewrite(statement, references, resolve, statement.Span.Offset, statement.Span.End);

    /// <summary>
    /// Only the source text between offsets <paramref name="start"/> and <paramref name="end"/> (a clause of the
    /// statement, such as a MERGE condition), with the references inside it replaced.
    /// </summary>
    public static string Rewrite(SqlStatement statement, IReadOnlyList<TableReference> references, Func<TableReference, string> resolve, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var edits = references.Where(r => r.Span.Offset >= start && r.Span.End <= end)
            .Select(r => ReplaceReference(r, resolve))
            .Concat(ShortenQualifiedColumns(statement, references).Where(e => e.Start >= start && e.End <= end))
            .OrderBy(e => e.Start);
        var source = statement.Source;
        var text = new StringBuilder();
        var position = start;
        foreach (var edit in edits)
        {
            text.Append(source, position, edit.Start - position);
            AppendSeparated(text, edit.Text, source, edit.End);
            position = edit.End;
        }

        text.Append(source, position, end - position);
        return text.ToString();
    }

    private static Edit ReplaceReference(TableReference reference, Func<TableReference, string> resolve)
    {
        var replacement = new StringBuilder();
        if (reference.TableKeyword is not null)
        {
            replacement.Append("SELECT * FROM ");
        }

        replacement.Append(resolve(reference));
        if (reference.Alias is null || reference.AliasInsideSpan)
        {
            replacement.Append(" AS ").Append(SqlIdentifier.Quote(reference.Alias ?? reference.Name.Name));
        }

        return new Edit(reference.TableKeyword?.Offset ?? reference.Span.Offset, reference.Span.End, replacement.ToString());
    }

    /// <summary>
    /// s.t.col and s.t.* name the relation by its full name, which disappears in the rewrite; they become "t".col.
    /// Only for references without an alias, whose exposed name is the table name.
    /// </summary>
    private static IEnumerable<Edit> ShortenQualifiedColumns(SqlStatement statement, IReadOnlyList<TableReference> references)
    {
        var names = references.Where(r => r.Alias is null && r.Name.Parts.Count > 1).Select(r => r.Name.Parts).ToList();
        var tokens = statement.Tokens;
        for (var i = 0; names.Count > 0 && i < tokens.Count; i++)
        {
            if (!tokens[i].IsIdentifier || (i > 0 && tokens[i - 1].Kind == TokenKind.Dot))
            {
                continue;
            }

            foreach (var parts in names)
            {
                if (QualifiesColumn(tokens, i, parts))
                {
                    var last = tokens[i + 2 * parts.Count - 2];
                    yield return new Edit(tokens[i].Span.Offset, last.Span.End, SqlIdentifier.Quote(parts[^1]));
                    i += 2 * parts.Count - 2;
                    break;
                }
            }
        }
    }

    /// <summary>Whether tokens from <paramref name="i"/> read parts[0] . parts[1] ... . (column | *).</summary>
    private static bool QualifiesColumn(IReadOnlyList<SqlToken> tokens, int i, IReadOnlyList<string> parts)
    {
        var end = i + 2 * parts.Count;
        if (end >= tokens.Count || tokens[end - 1].Kind != TokenKind.Dot
            || !(tokens[end].IsIdentifier || tokens[end].IsOperator("*")))
        {
            return false;
        }

        for (var k = 0; k < parts.Count; k++)
        {
            var token = tokens[i + 2 * k];
            if (!token.IsIdentifier || !string.Equals(token.Value, parts[k], StringComparison.OrdinalIgnoreCase)
                || (k > 0 && tokens[i + 2 * k - 1].Kind != TokenKind.Dot))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends with a space on either side where the replacement would otherwise fuse with a neighbouring word.</summary>
    private static void AppendSeparated(StringBuilder text, string replacement, string source, int next)
    {
        if (text.Length > 0 && IsWordChar(text[^1]) && replacement.Length > 0 && IsWordChar(replacement[0]))
        {
            text.Append(' ');
        }

        text.Append(replacement);
        if (next < source.Length && IsWordChar(source[next]) && replacement.Length > 0 && IsWordChar(replacement[^1]))
        {
            text.Append(' ');
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '"' || c == '\'';
}
