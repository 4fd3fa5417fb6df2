using System.Text;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Reads a time travel value written as a constant expression: numbers, strings, typed literals (DATE '...'),
/// INTERVAL, CAST(... AS type) and ::type, + - * /, parentheses, and the clock functions now(), today(),
/// current_date and current_timestamp. Anything else (a column, another function, a subquery, a parameter) is
/// refused, so the rebuilt text handed to DuckDB is an expression and nothing more. Recursion happens only at a
/// parenthesis, so the lexer's depth limit bounds it.
/// </summary>
internal sealed class ConstantExpressionReader
{
    private const string Allowed =
        "Write a constant: numbers, quoted strings, INTERVAL, CAST(... AS type), + - * / and now(), today(), current_date or current_timestamp";

    private static readonly HashSet<string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "TIMESTAMP", "TIMESTAMPTZ", "DATE", "INTERVAL", "BIGINT", "INTEGER", "INT", "VARCHAR",
    };

    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "YEAR", "YEARS", "MONTH", "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES",
        "SECOND", "SECONDS", "MILLISECOND", "MILLISECONDS", "MICROSECOND", "MICROSECONDS",
    };

    private readonly TokenCursor _c;
    private readonly StringBuilder _sql = new();

    private ConstantExpressionReader(TokenCursor c)
    {
        _c = c;
    }

    /// <summary>Reads the expression at the cursor and leaves the cursor after it.</summary>
    /// <exception cref="SqlSyntaxException">Something other than a constant, or a malformed expression.</exception>
    public static TimeTravelExpression Read(TokenCursor c)
    {
        var first = c.Current!.Value;
        var reader = new ConstantExpressionReader(c);
        reader.Expression();
        return new TimeTravelExpression(reader._sql.ToString().Trim(), LineMap.Cover(first.Span, c.At(-1)!.Value.Span));
    }

    /// <summary>Whether the token continues an expression after a value: the operators this reader accepts.</summary>
    public static bool IsBinaryOperator(SqlToken? token) => token is { Kind: TokenKind.Operator, Text: "+" or "-" or "*" or "/" or "::" };

    private void Expression()
    {
        Operand();
        while (IsBinaryOperator(_c.Current))
        {
            var op = Take();
            if (op.Text == "::")
            {
                TypeName();
            }
            else
            {
                Operand();
            }
        }
    }

    private void Operand()
    {
        while (_c.Current is { Kind: TokenKind.Operator, Text: "+" or "-" })
        {
            Take();
        }

        var token = _c.Current ?? throw Refused(_c.At(-1)!.Value, "The time travel expression ends too early");
        switch (token.Kind)
        {
            case TokenKind.Number:
                Take();
                break;
            case TokenKind.String:
                _c.Position++;
                Emit("'" + token.Value.Replace("'", "''", StringComparison.Ordinal) + "'");
                break;
            case TokenKind.LeftParen:
                Take();
                RefuseSubquery();
                Expression();
                Expect(TokenKind.RightParen, ")");
                break;
            case TokenKind.Word:
                Word(token);
                break;
            default:
                throw Refused(token, $"'{token.Text}' cannot be part of a time travel value");
        }
    }

    private void Word(SqlToken word)
    {
        var name = word.Text.ToUpperInvariant();
        if (name is "TIMESTAMP" or "TIMESTAMPTZ" or "DATE" && _c.Is(TokenKind.String, 1))
        {
            Keyword(name);
            Operand();
        }
        else if (name == "INTERVAL")
        {
            Keyword(name);
            Interval();
        }
        else if (name == "CAST")
        {
            Keyword(name);
            Expect(TokenKind.LeftParen, "(");
            Expression();
            if (!_c.IsWord("AS"))
            {
                throw Refused(_c.Current ?? word, "Expected AS in CAST(value AS type)");
            }

            Keyword("AS");
            TypeName();
            Expect(TokenKind.RightParen, ")");
        }
        else if (name is "NOW" or "TODAY" or "CURRENT_DATE" && _c.Is(TokenKind.LeftParen, 1) && _c.Is(TokenKind.RightParen, 2))
        {
            Keyword(name.ToLowerInvariant());
            Take();
            Take();
        }
        else if (name is "CURRENT_DATE" or "CURRENT_TIMESTAMP")
        {
            Keyword(name);
        }
        else if (word.IsWordIn(SqlKeywords.StartsQuery))
        {
            throw Refused(word, "A subquery cannot give a time travel value");
        }
        else if (_c.Is(TokenKind.LeftParen, 1))
        {
            throw Refused(word, $"The function {word.Text}() is not allowed in a time travel value");
        }
        else
        {
            throw Refused(word, $"'{word.Text}' is not a constant, so it cannot give a time travel value");
        }
    }

    /// <summary>INTERVAL '2 days', INTERVAL '1' HOUR, INTERVAL 1 HOUR or INTERVAL (expression) HOUR.</summary>
    private void Interval()
    {
        var unitRequired = !_c.Is(TokenKind.String);
        if (_c.Is(TokenKind.LeftParen) || _c.Is(TokenKind.String) || _c.Is(TokenKind.Number))
        {
            Operand();
        }
        else
        {
            throw Refused(_c.Current ?? _c.At(-1)!.Value, "INTERVAL needs a quantity such as INTERVAL 1 HOUR or INTERVAL '2 days'");
        }

        if (_c.Current is { Kind: TokenKind.Word } unit && IntervalUnits.Contains(unit.Text))
        {
            Keyword(unit.Text.ToUpperInvariant());
        }
        else if (unitRequired)
        {
            throw Refused(_c.Current ?? _c.At(-1)!.Value, "INTERVAL needs a unit such as HOUR or DAY after its quantity");
        }
    }

    private void TypeName()
    {
        if (_c.Current is not { Kind: TokenKind.Word } type || !TypeNames.Contains(type.Text))
        {
            throw Refused(_c.Current ?? _c.At(-1)!.Value, $"Expected a type ({string.Join(", ", TypeNames)})");
        }

        Keyword(type.Text.ToUpperInvariant());
        if (type.IsWord("TIMESTAMP") && _c.IsWord("WITH") && _c.IsWord("TIME", 1) && _c.IsWord("ZONE", 2))
        {
            _c.Position += 3;
            Emit("WITH TIME ZONE");
        }
    }

    private void RefuseSubquery()
    {
        if (_c.Current is { } next && next.IsWordIn(SqlKeywords.StartsQuery))
        {
            throw Refused(next, "A subquery cannot give a time travel value");
        }
    }

    private void Expect(TokenKind kind, string text)
    {
        if (!_c.Is(kind))
        {
            throw Refused(_c.Current ?? _c.At(-1)!.Value, $"Expected {text} in the time travel value");
        }

        Take();
    }

    /// <summary>Emits a number, operator or parenthesis as written: the lexer allows nothing else in those tokens.</summary>
    private SqlToken Take()
    {
        var token = _c.Current!.Value;
        _c.Position++;
        Emit(token.Text);
        return token;
    }

    /// <summary>Emits the keyword in its own spelling rather than the user's text.</summary>
    private void Keyword(string spelling)
    {
        _c.Position++;
        Emit(spelling);
    }

    private void Emit(string text) => _sql.Append(text).Append(' ');

    private static SqlSyntaxException Refused(SqlToken token, string problem) => new(problem, token.Span, Allowed + ".");
}
