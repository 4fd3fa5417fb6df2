using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Reads a time travel clause after a table name, in Delta/Spark syntax (<c>VERSION AS OF 3</c>,
/// <c>TIMESTAMP AS OF '...'</c>, optionally after FOR, with SYSTEM_VERSION / SYSTEM_TIME synonyms; <c>t@v3</c>)
/// or DuckDB syntax (<c>AT (VERSION => 3)</c>, <c>AT (TIMESTAMP => TIMESTAMP '...')</c>). The value is a literal, or a
/// constant expression (<c>now() - INTERVAL 1 HOUR</c>, <c>2 + 1</c>) that <see cref="ConstantExpressionReader"/> checks.
/// </summary>
internal static partial class TimeTravelParser
{
    private const string VersionExample = "for example sales.orders VERSION AS OF 3 or sales.orders AT (VERSION => 3)";
    private const string TimestampExample =
        "Write a quoted timestamp such as TIMESTAMP AS OF '2024-01-01 00:00:00' (UTC unless it has an offset like +02:00), or a constant expression such as now() - INTERVAL 1 HOUR";

    [GeneratedRegex("^[vV][0-9]+$")]
    private static partial Regex ShorthandVersion();

    /// <summary>Whether a time travel clause starts at the cursor (without consuming anything).</summary>
    public static bool StartsHere(TokenCursor c, SqlToken previous)
    {
        if (c.IsWord("AT") && c.Is(TokenKind.LeftParen, 1))
        {
            return true;
        }

        if (c.Current is { } at && at.IsOperator("@") && at.Span.Offset == previous.Span.End
            && c.At(1) is { Kind: TokenKind.Word } v && v.Span.Offset == at.Span.End && ShorthandVersion().IsMatch(v.Text))
        {
            return true;
        }

        var ahead = c.IsWord("FOR") ? 1 : 0;
        return c.At(ahead) is { Kind: TokenKind.Word } && c.IsWord("AS", ahead + 1)
            && (ahead == 1 || IsKindWord(c.At(0)!.Value.Text));
    }

    /// <summary>Reads the clause <see cref="StartsHere"/> found.</summary>
    /// <exception cref="SqlSyntaxException">The clause has an unknown kind, a missing or malformed value.</exception>
    public static TimeTravel Parse(TokenCursor c)
    {
        var start = c.Current!.Value.Span;
        if (c.Accept("AT"))
        {
            return ParseAt(c, start);
        }

        if (c.Current!.Value.IsOperator("@"))
        {
            var v = c.At(1)!.Value;
            c.Position += 2;
            return TimeTravel.AtVersion(ParseLong(v.Text[1..], v), LineMap.Cover(start, v.Span));
        }

        c.Accept("FOR");
        var kindToken = c.Current!.Value;
        var kind = KindOf(kindToken, "AS OF", "Use VERSION AS OF <n> or TIMESTAMP AS OF '<timestamp>'");
        c.Position += 2;
        if (!c.Accept("OF"))
        {
            throw new SqlSyntaxException($"Expected OF after {kindToken.Text.ToUpperInvariant()} AS",
                c.Current?.Span ?? kindToken.Span, $"Write {kindToken.Text.ToUpperInvariant()} AS OF <value>, {VersionExample}.");
        }

        return kind == TimeTravelKind.Version ? ParseVersion(c, start, kindToken) : ParseTimestamp(c, start, kindToken);
    }

    private static TimeTravel ParseAt(TokenCursor c, SourceSpan start)
    {
        var open = c.Current!.Value;
        var close = TokenCursor.MatchingParen(c.Tokens, c.Position);
        c.Position++;
        if (c.Current is not { Kind: TokenKind.Word } kindToken || c.Position >= close)
        {
            throw new SqlSyntaxException("AT (...) has no time travel kind", open.Span,
                "Use AT (VERSION => <n>) or AT (TIMESTAMP => '<timestamp>').");
        }

        var kind = KindOf(kindToken, "=>", "Use AT (VERSION => <n>) or AT (TIMESTAMP => '<timestamp>')");
        c.Position++;
        if (!(c.Current is { } arrow && arrow.IsOperator("=>")))
        {
            throw new SqlSyntaxException($"Expected => after {kindToken.Text.ToUpperInvariant()} in AT (...)",
                c.Current?.Span ?? kindToken.Span, $"Write AT ({kindToken.Text.ToUpperInvariant()} => <value>).");
        }

        c.Position++;
        var travel = kind == TimeTravelKind.Version ? ParseVersion(c, start, kindToken) : ParseTimestamp(c, start, kindToken);
        if (c.Position != close || !c.Is(TokenKind.RightParen))
        {
            throw new SqlSyntaxException("Expected ) to close AT (...)", c.Current?.Span ?? open.Span,
                "Write a single value inside AT (...), for example AT (VERSION => 3).");
        }

        c.Position++;
        return travel with { Span = LineMap.Cover(start, c.At(-1)!.Value.Span) };
    }

    private static TimeTravel ParseVersion(TokenCursor c, SourceSpan start, SqlToken kindToken)
    {
        var value = c.Current;
        if (IsMissing(value))
        {
            throw new SqlSyntaxException("Time travel clause has no version", value?.Span ?? kindToken.Span,
                $"Give the version as a whole number, {VersionExample}.");
        }

        var token = value!.Value;
        if (token.IsOperator("-") && c.Is(TokenKind.Number, 1) && !ConstantExpressionReader.IsBinaryOperator(c.At(2)))
        {
            throw new SqlSyntaxException("Version cannot be negative", token.Span,
                $"Versions count up from 0 as a table changes, {VersionExample}.");
        }

        if (token.Kind is not (TokenKind.Number or TokenKind.String) || ConstantExpressionReader.IsBinaryOperator(c.At(1)))
        {
            var expression = ConstantExpressionReader.Read(c);
            return TimeTravel.AtExpression(TimeTravelKind.Version, expression, LineMap.Cover(start, expression.Span));
        }

        if (token.Kind != TokenKind.Number || !token.Text.All(ch => char.IsAsciiDigit(ch) || ch == '_'))
        {
            throw new SqlSyntaxException($"Version '{token.Text}' is not a whole number", token.Span,
                $"Give the version as a non-negative whole number, {VersionExample}.");
        }

        c.Position++;
        return TimeTravel.AtVersion(ParseLong(token.Text, token), LineMap.Cover(start, token.Span));
    }

    private static long ParseLong(string digits, SqlToken token) =>
        long.TryParse(digits.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new SqlSyntaxException($"Version '{token.Text}' is too large", token.Span,
                $"Give an existing table version, {VersionExample}.");

    private static TimeTravel ParseTimestamp(TokenCursor c, SourceSpan start, SqlToken kindToken)
    {
        var value = c.Current;
        if (value is { Kind: TokenKind.Word } type && c.Is(TokenKind.String, 1) && !ConstantExpressionReader.IsBinaryOperator(c.At(2))
            && (type.IsWord("TIMESTAMP") || type.IsWord("TIMESTAMPTZ") || type.IsWord("DATE")))
        {
            c.Position++;
            value = c.Current;
        }

        if (IsMissing(value))
        {
            throw new SqlSyntaxException("Time travel clause has no timestamp", value?.Span ?? kindToken.Span, TimestampExample + ".");
        }

        if (value is not { Kind: TokenKind.String or TokenKind.Number } literal || ConstantExpressionReader.IsBinaryOperator(c.At(1)))
        {
            var expression = ConstantExpressionReader.Read(c);
            return TimeTravel.AtExpression(TimeTravelKind.Timestamp, expression, LineMap.Cover(start, expression.Span));
        }

        if (literal.Kind != TokenKind.String)
        {
            throw new SqlSyntaxException($"'{literal.Text}' is not a quoted timestamp", literal.Span, TimestampExample + ".");
        }

        if (!DateTimeOffset.TryParse(literal.Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var timestamp))
        {
            throw new SqlSyntaxException($"'{literal.Value}' is not a timestamp", literal.Span, TimestampExample + ".");
        }

        c.Position++;
        return TimeTravel.AtTimestamp(timestamp.ToUniversalTime(), LineMap.Cover(start, literal.Span));
    }

    private static bool IsMissing(SqlToken? value) =>
        value is null || value.Value.Kind is TokenKind.RightParen or TokenKind.Comma or TokenKind.Semicolon
        || value.Value.IsWordIn(SqlKeywords.EndsRelation);

    private static bool IsKindWord(string word) =>
        word.ToUpperInvariant() is "VERSION" or "SYSTEM_VERSION" or "TIMESTAMP" or "SYSTEM_TIME";

    private static TimeTravelKind KindOf(SqlToken token, string follower, string fix) => token.Text.ToUpperInvariant() switch
    {
        "VERSION" or "SYSTEM_VERSION" => TimeTravelKind.Version,
        "TIMESTAMP" or "SYSTEM_TIME" => TimeTravelKind.Timestamp,
        _ => throw new SqlSyntaxException($"Unknown time travel kind '{token.Text}' before {follower}", token.Span, fix + "."),
    };
}
