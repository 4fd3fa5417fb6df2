using System.Text;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Replaces each table reference in a statement with SQL for the relation it resolves to (for example
/// <c>read_parquet([...])</c> over a snapshot's files, or a subquery), keeping comments and layout.
/// Each replacement keeps the reference's alias, or gets one equal to the table name, so <c>t.col</c> still works.
/// </summary>
internal static class TableReferenceRewriter
{
    /// <summary>Finds the statement's reads and rewrites them.</summary>
    public static string Rewrite(SqlStatement statement, Func<TableReference, string> resolve) =>
        Rewrite(statement, TableReferenceFinder.FindReads(statement), resolve);

    /// <param name="resolve">SQL usable in a FROM clause for the reference, without an alias.</param>
    /// <returns>The statement's text with the references replaced.</returns>
    public static string Rewrite(SqlStatement statement, IEnumerable<TableReference> references, Func<TableReference, string> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        var source = statement.Source;
        var text = new StringBuilder();
        var position = statement.Span.Offset;
        foreach (var reference in references.OrderBy(r => r.Span.Offset))
        {
            var start = reference.TableKeyword?.Offset ?? reference.Span.Offset;
            text.Append(source, position, start - position);
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

            AppendSeparated(text, replacement.ToString(), source, reference.Span.End);
            position = reference.Span.End;
        }

        text.Append(source, position, statement.Span.End - position);
        return text.ToString();
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
