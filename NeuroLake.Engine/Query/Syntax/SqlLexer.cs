namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Splits SQL text into tokens following DuckDB's lexical rules (its PostgreSQL-derived scanner), plus Spark's
/// backtick identifiers. Comments and whitespace are skipped; every token keeps its span in the original text.
/// Where DuckDB would read text differently from this lexer (Unicode spaces, vertical tab, NUL), the text is
/// refused rather than guessed at: a statement boundary only one of the two sees would let SQL slip past the checks.
/// </summary>
internal sealed partial class SqlLexer
{
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

    /// <exception cref="SqlSyntaxException">
    /// Unterminated text, a stray or refused character, or parentheses nested deeper than <see cref="MaxParenthesisDepth"/>.
    /// </exception>
    public static IReadOnlyList<SqlToken> Tokenize(string text, LineMap lines)
    {
        var lexer = new SqlLexer(text, lines);
        lexer.RefuseNul();
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsSpace(c))
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
            else if (c == '"')
            {
                ReadQuotedIdentifier(c);
            }
            else if (c == '`')
            {
                ReadBacktickIdentifier();
            }
            else if (c == '$')
            {
                ReadDollar();
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ReadNumber();
            }
            else if (IsRefusedSpace(c))
            {
                throw RefusedSpace(_pos);
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

    // DuckDB's scanner takes every byte of a non-ASCII character as an identifier character, except the spaces it strips first.
    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && !IsRefusedSpace(c));

    private static bool IsWordPart(char c) => IsWordStart(c) || char.IsAsciiDigit(c) || c == '$';

    private void Add(TokenKind kind, int start, string? value = null)
    {
        var text = _text[start.._pos];
        _tokens.Add(new SqlToken(kind, text, value ?? text, _lines.Span(start, _pos - start)));
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

    private SqlSyntaxException Unterminated(int start, string what, string fix) =>
        new($"Unterminated {what} starting", _lines.Span(start, _text.Length - start), fix);
}
