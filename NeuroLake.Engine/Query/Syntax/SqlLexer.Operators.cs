namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Operators and punctuation, and the parenthesis depth they reach.</summary>
internal sealed partial class SqlLexer
{
    /// <summary>
    /// How deeply parentheses may nest within one statement. The table reference finder recurses once per level,
    /// so the limit is checked here, before any recursion, and keeps hostile input from exhausting the stack.
    /// </summary>
    internal const int MaxParenthesisDepth = 200;

    private static readonly string[] MultiCharOperators =
    [
        "!~~*", "!~~", "->>", "~~*", "::", "<=", ">=", "<>", "!=", "==", "||", "->", "=>", ":=",
        "**", "<<", ">>", "//", "~~", "^@", "@>", "<@", "&&", "!~",
    ];

    private const string SingleCharOperators = "+-*/%<>=!~^&|@#:";

    private int _depth;

    private void ReadPunctuationOrOperator()
    {
        var start = _pos;
        var kind = _text[_pos] switch
        {
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '{' => TokenKind.LeftBrace,
            '}' => TokenKind.RightBrace,
            ',' => TokenKind.Comma,
            '.' => TokenKind.Dot,
            ';' => TokenKind.Semicolon,
            _ => TokenKind.Operator,
        };
        if (kind != TokenKind.Operator)
        {
            TrackDepth(kind);
            _pos++;
            Add(kind, start);
            return;
        }

        foreach (var op in MultiCharOperators)
        {
            // DuckDB cuts an operator where /* or -- begins, so in //* the comment starts at the second slash.
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0 && !StartsComment(_pos + op.Length - 1))
            {
                _pos += op.Length;
                Add(TokenKind.Operator, start);
                return;
            }
        }

        if (!SingleCharOperators.Contains(_text[_pos]))
        {
            throw new SqlSyntaxException(
                $"Unexpected character '{_text[_pos]}'", _lines.Span(_pos, 1),
                "Remove it, or put it inside a quoted string ('...') or a quoted name (\"...\").");
        }

        _pos++;
        Add(TokenKind.Operator, start);
    }

    private bool StartsComment(int at) =>
        at + 1 < _text.Length && ((_text[at] == '/' && _text[at + 1] == '*') || (_text[at] == '-' && _text[at + 1] == '-'));

    /// <summary>Counts open parentheses per statement; a stray ) does not count below zero, as the finder's matching does not.</summary>
    private void TrackDepth(TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.LeftParen when ++_depth > MaxParenthesisDepth:
                throw new SqlSyntaxException($"Parentheses nested {_depth} levels deep", _lines.Span(_pos, 1),
                    $"The limit is {MaxParenthesisDepth} levels; flatten the expression or move parts of it into a CTE (WITH name AS (...)).");
            case TokenKind.RightParen when _depth > 0:
                _depth--;
                break;
            case TokenKind.Semicolon:
                _depth = 0;
                break;
        }
    }
}
