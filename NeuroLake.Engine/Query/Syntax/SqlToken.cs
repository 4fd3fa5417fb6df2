namespace NeuroLake.Engine.Query.Syntax;

internal enum TokenKind
{
    /// <summary>A keyword or an unquoted identifier; SQL does not tell them apart lexically.</summary>
    Word,
    /// <summary>"name" or `name`; <see cref="SqlToken.Value"/> is the name with escapes removed.</summary>
    QuotedIdentifier,
    /// <summary>'text', E'text' or $tag$text$tag$; <see cref="SqlToken.Value"/> is the text.</summary>
    String,
    Number,
    /// <summary>$1, ?, ?2 or $name.</summary>
    Parameter,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Dot,
    Semicolon,
}

/// <summary>One significant piece of SQL text (comments and whitespace are not tokens).</summary>
/// <param name="Text">The source text exactly as written.</param>
/// <param name="Value">For strings and quoted identifiers, the content without quotes and escapes; otherwise the text.</param>
internal readonly record struct SqlToken(TokenKind Kind, string Text, string Value, SourceSpan Span)
{
    public bool IsWord(string keyword) =>
        Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsWordIn(IReadOnlySet<string> keywords) => Kind == TokenKind.Word && keywords.Contains(Text);

    /// <summary>A word or quoted identifier: something that can name a table, a column or an alias.</summary>
    public bool IsIdentifier => Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Text == op;

    public override string ToString() => $"{Kind} {Text} ({Span})";
}
