namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A position in a statement's tokens with keyword-matching helpers.</summary>
internal sealed class TokenCursor(IReadOnlyList<SqlToken> tokens, int position = 0)
{
    public IReadOnlyList<SqlToken> Tokens { get; } = tokens;

    public int Position { get; set; } = position;

    public bool AtEnd => Position >= Tokens.Count;

    public SqlToken? Current => At(0);

    public SqlToken? At(int ahead) =>
        Position + ahead >= 0 && Position + ahead < Tokens.Count ? Tokens[Position + ahead] : null;

    public bool IsWord(string keyword, int ahead = 0) => At(ahead) is { } t && t.IsWord(keyword);

    public bool Is(TokenKind kind, int ahead = 0) => At(ahead) is { } t && t.Kind == kind;

    /// <summary>Consumes the keyword when it is next.</summary>
    public bool Accept(string keyword)
    {
        if (!IsWord(keyword))
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Consumes the keywords when all of them come next, in order.</summary>
    public bool AcceptAll(params string[] keywords)
    {
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!IsWord(keywords[i], i))
            {
                return false;
            }
        }

        Position += keywords.Length;
        return true;
    }

    public bool Accept(TokenKind kind)
    {
        if (!Is(kind))
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Moves past a parenthesised group starting here (which must be a left parenthesis).</summary>
    public void SkipGroup()
    {
        Position = MatchingParen(Tokens, Position) + 1;
    }

    /// <summary>The index of the token closing the group opened at <paramref name="open"/>, or the last index when unbalanced.</summary>
    public static int MatchingParen(IReadOnlyList<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.LeftParen)
            {
                depth++;
            }
            else if (tokens[i].Kind == TokenKind.RightParen && --depth == 0)
            {
                return i;
            }
        }

        return tokens.Count - 1;
    }

    /// <summary>
    /// Reads <c>part(.part)*</c> where each part is a word or quoted identifier; null when no name is here.
    /// </summary>
    public TableName? ReadName()
    {
        if (Current is not { IsIdentifier: true } first)
        {
            return null;
        }

        var parts = new List<string> { first.Value };
        var last = first;
        Position++;
        while (Is(TokenKind.Dot) && At(1) is { IsIdentifier: true } next)
        {
            parts.Add(next.Value);
            last = next;
            Position += 2;
        }

        return new TableName(parts, LineMap.Cover(first.Span, last.Span));
    }
}
