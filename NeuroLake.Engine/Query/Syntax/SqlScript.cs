namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// SQL text split into statements on top-level semicolons (not those inside strings, comments,
/// dollar quotes or quoted names). Statements with no tokens, such as ";;" or a lone comment, are dropped.
/// </summary>
public sealed class SqlScript
{
    private SqlScript(string text, IReadOnlyList<SqlStatement> statements)
    {
        Text = text;
        Statements = statements;
    }

    public string Text { get; }

    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <exception cref="SqlSyntaxException">The text has an unterminated string, comment or quoted name, or a stray character.</exception>
    public static SqlScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineMap(text);
        var tokens = SqlLexer.Tokenize(text, lines);
        var statements = new List<SqlStatement>();
        var regionStart = 0;
        var first = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var atEnd = i == tokens.Count;
            if (!atEnd && tokens[i].Kind != TokenKind.Semicolon)
            {
                continue;
            }

            var regionEnd = atEnd ? text.Length : tokens[i].Span.End;
            if (i > first)
            {
                var span = LineMap.Cover(tokens[first].Span, tokens[i - 1].Span);
                var body = tokens.Skip(first).Take(i - first).ToArray();
                statements.Add(new SqlStatement(text, statements.Count, span,
                    lines.Span(regionStart, regionEnd - regionStart), atEnd ? span.End : regionEnd, body));
            }
            else if (statements.Count > 0)
            {
                // An empty statement's text (";;" or a comment) belongs to the statement before it.
                var last = statements[^1];
                statements[^1] = new SqlStatement(text, last.Index, last.Span,
                    last.Region with { Length = regionEnd - last.Region.Offset }, last.TerminatorEnd, last.Tokens);
            }

            regionStart = regionEnd;
            first = i + 1;
        }

        return new SqlScript(text, statements);
    }

    /// <summary>
    /// The statement a cursor at <paramref name="offset"/> means: the one whose text or semicolon the
    /// cursor touches; otherwise, in the blank space between statements, the previous statement when
    /// the cursor is on the line where that statement ends, else the next one. Null for a script with no statements.
    /// </summary>
    public SqlStatement? StatementAt(int offset)
    {
        if (Statements.Count == 0)
        {
            return null;
        }

        offset = Math.Clamp(offset, 0, Text.Length);
        SqlStatement? previous = null;
        foreach (var statement in Statements)
        {
            var withSemicolon = statement.Span with { Length = statement.TerminatorEnd - statement.Span.Offset };
            if (withSemicolon.Touches(offset))
            {
                return statement;
            }

            if (statement.Span.Offset > offset)
            {
                if (previous is not null && !Text.AsSpan(previous.TerminatorEnd, offset - previous.TerminatorEnd).Contains('\n'))
                {
                    return previous;
                }

                return statement;
            }

            previous = statement;
        }

        return previous;
    }
}
