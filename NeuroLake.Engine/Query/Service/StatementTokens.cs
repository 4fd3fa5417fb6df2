using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Reads clauses from a statement's tokens: top-level keywords, and the source text between token positions.</summary>
internal sealed class StatementTokens(SqlStatement statement)
{
    public IReadOnlyList<SqlToken> Tokens => statement.Tokens;

    public int Count => statement.Tokens.Count;

    public SqlToken this[int index] => statement.Tokens[index];

    /// <summary>The position of the first token after <paramref name="span"/> (the target name, say).</summary>
    public int After(SourceSpan span)
    {
        var i = 0;
        while (i < Count && Tokens[i].Span.Offset < span.End)
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// The first token at or after <paramref name="from"/>, outside any parentheses and CASE ... END, that is one of
    /// the keywords; -1 if none. CASE counts because its WHEN and THEN are not MERGE's.
    /// </summary>
    public int FindTopLevel(int from, params string[] keywords)
    {
        var depth = 0;
        for (var i = from; i < Count; i++)
        {
            var token = Tokens[i];
            depth += token.Kind == TokenKind.LeftParen || token.IsWord("CASE") ? 1
                : token.Kind == TokenKind.RightParen || token.IsWord("END") ? -1
                : 0;
            if (depth == 0 && keywords.Any(token.IsWord))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Splits tokens [<paramref name="start"/>, <paramref name="end"/>) at commas outside parentheses.</summary>
    public IReadOnlyList<(int Start, int End)> SplitAtCommas(int start, int end)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var partStart = start;
        for (var i = start; i < end; i++)
        {
            var kind = Tokens[i].Kind;
            depth += kind == TokenKind.LeftParen ? 1 : kind == TokenKind.RightParen ? -1 : 0;
            if (depth == 0 && kind == TokenKind.Comma)
            {
                parts.Add((partStart, i));
                partStart = i + 1;
            }
        }

        parts.Add((partStart, end));
        return parts;
    }

    /// <summary>The source text of tokens [<paramref name="start"/>, <paramref name="end"/>), comments inside included.</summary>
    public string Text(int start, int end)
    {
        if (end <= start)
        {
            return "";
        }

        var from = Tokens[start].Span.Offset;
        return statement.Source[from..Tokens[end - 1].Span.End];
    }

    /// <summary>The source offsets tokens [<paramref name="start"/>, <paramref name="end"/>) cover.</summary>
    public (int Start, int End) Offsets(int start, int end) => (Tokens[start].Span.Offset, Tokens[end - 1].Span.End);

    public SourceSpan SpanAt(int index) => index < Count ? Tokens[index].Span : statement.Span;
}
