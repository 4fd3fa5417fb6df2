namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Splits SQL text into tokens following DuckDB's lexical rules, plus Spark's backtick identifiers.
/// Comments and whitespace are skipped; every token keeps its span in the original text.
/// </summary>
internal sealed partial class SqlLexer
{
    private static readonly string[] MultiCharOperators =
    [
        "!~~*", "!~~", "->>", "~~*", "::", "<=", ">=", "<>", "!=", "==", "||", "->", "=>", ":=",
        "**", "<<", ">>", "//", "~~", "^@", "@>", "<@", "&&", "!~",
    ];

    private const string SingleCharOperators = "+-*/%<>=!~^&|@#:";

    private readonly string _text;
    private readonly LineMap _lines;
    private readonly List<SqlToken> _tokens = [];
    private int _pos;

    private SqlLexer(string text, LineMap lines)
    {
        _text = text;
        _lines = lines;
    }

    public static IReadOnlyList<SqlToken> Tokenize(string text) => Tokenize(text, new LineMap(text));

    public static IReadOnlyList<SqlToken> Tokenize(string text, LineMap lines)
    {
        var lexer = new SqlLexer(text, lines);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                SkipLineComment();
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else if (c == '\'')
            {
                ReadQuotedString(_pos, _pos);
            }
            else if (c is 'e' or 'E' && Peek(1) == '\'')
            {
                ReadEscapeString();
            }
            else if (c == '"' || c == '`')
            {
                ReadQuotedIdentifier(c);
            }
            else if (c == '$')
            {
                ReadDollar();
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ReadNumber();
            }
            else if (IsWordStart(c))
            {
                ReadWord();
            }
            else if (c == '?')
            {
                var start = _pos++;
                while (char.IsAsciiDigit(Peek(0)))
                {
                    _pos++;
                }

                Add(TokenKind.Parameter, start);
            }
            else
            {
                ReadPunctuationOrOperator();
            }
        }
    }

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c > 127;

    private void Add(TokenKind kind, int start, string? value = null)
    {
        var text = _text[start.._pos];
        _tokens.Add(new SqlToken(kind, text, value ?? text, _lines.Span(start, _pos - start)));
    }

    private void SkipLineComment()
    {
        var end = _text.IndexOf('\n', _pos);
        _pos = end < 0 ? _text.Length : end + 1;
    }

    private void SkipBlockComment()
    {
        var start = _pos;
        var depth = 0;
        while (_pos < _text.Length)
        {
            if (_text[_pos] == '/' && Peek(1) == '*')
            {
                depth++;
                _pos += 2;
            }
            else if (_text[_pos] == '*' && Peek(1) == '/')
            {
                depth--;
                _pos += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _pos++;
            }
        }

        throw Unterminated(start, "block comment", depth == 1
            ? "Close it with */."
            : $"Block comments nest: {depth} are still open, so add */ for each.");
    }

    private void ReadWord()
    {
        var start = _pos;
        while (_pos < _text.Length && IsWordPart(_text[_pos]))
        {
            _pos++;
        }

        Add(TokenKind.Word, start);
    }

    private void ReadNumber()
    {
        var start = _pos;
        if (_text[_pos] == '0' && Peek(1) is 'x' or 'X' or 'b' or 'B' && char.IsAsciiHexDigit(Peek(2)))
        {
            _pos += 2;
            while (char.IsAsciiHexDigit(Peek(0)) || Peek(0) == '_')
            {
                _pos++;
            }

            Add(TokenKind.Number, start);
            return;
        }

        SkipDigits();
        if (Peek(0) == '.' && Peek(1) != '.')
        {
            _pos++;
            SkipDigits();
        }

        if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            SkipDigits();
        }

        Add(TokenKind.Number, start);
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek(0)) || (Peek(0) == '_' && char.IsAsciiDigit(Peek(1))))
        {
            _pos++;
        }
    }

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
            _pos++;
            Add(kind, start);
            return;
        }

        foreach (var op in MultiCharOperators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
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

    private SqlSyntaxException Unterminated(int start, string what, string fix) =>
        new($"Unterminated {what} starting", _lines.Span(start, _text.Length - start), fix);
}
