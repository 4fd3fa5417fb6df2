using System.Text;

namespace NeuroLake.Engine.Tables.Operations.Skipping;

/// <summary>
/// Parses the subset of SQL predicates that min/max statistics can decide: comparisons, IN lists and IS [NOT] NULL
/// between one column and literals, combined with AND, OR and parentheses. Anything else returns null: the
/// predicate cannot prune files, which is always correct, merely slower.
/// </summary>
internal sealed class SkippingParser
{
    private readonly List<string> _tokens;
    private int _pos;

    private SkippingParser(List<string> tokens) => _tokens = tokens;

    public static SkippingPredicate? TryParse(string predicate)
    {
        var tokens = Tokenize(predicate);
        if (tokens is null || tokens.Count == 0)
        {
            return null;
        }

        var parser = new SkippingParser(tokens);
        var result = parser.Or();
        return result is not null && parser._pos == tokens.Count ? result : null;
    }

    private string? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool Accept(string keyword)
    {
        if (Peek is { } t && string.Equals(t, keyword, StringComparison.OrdinalIgnoreCase))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private SkippingPredicate? Or()
    {
        var left = And();
        while (left is not null && Accept("OR"))
        {
            var right = And();
            left = right is null ? null : new OrPredicate(left, right);
        }

        return left;
    }

    private SkippingPredicate? And()
    {
        var left = Primary();
        while (left is not null && Accept("AND"))
        {
            var right = Primary();
            left = right is null ? null : new AndPredicate(left, right);
        }

        return left;
    }

    private SkippingPredicate? Primary()
    {
        if (Accept("("))
        {
            var inner = Or();
            return inner is not null && Accept(")") ? inner : null;
        }

        if (Operand() is not { } left)
        {
            return null;
        }

        if (Accept("IS"))
        {
            var negated = Accept("NOT");
            return left.Column is { } c && Accept("NULL") ? new NullPredicate(c, negated) : null;
        }

        if (Accept("IN"))
        {
            if (left.Column is not { } column || !Accept("("))
            {
                return null;
            }

            var values = new List<Literal>();
            do
            {
                if (Operand() is not { Literal: { } value })
                {
                    return null;
                }

                values.Add(value);
            }
            while (Accept(","));
            return Accept(")") ? new InPredicate(column, values) : null;
        }

        if (Peek is not ("=" or "==" or "<>" or "!=" or "<" or "<=" or ">" or ">="))
        {
            return null;
        }

        var op = _tokens[_pos++] switch { "==" => "=", "!=" => "<>", var o => o };
        if (Operand() is not { } right)
        {
            return null;
        }

        return (left, right) switch
        {
            ({ Column: { } c }, { Literal: { } l }) => new ComparePredicate(c, op, l),
            ({ Literal: { } l }, { Column: { } c }) => new ComparePredicate(c, Flip(op), l),
            _ => null,
        };
    }

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    private (string? Column, Literal? Literal)? Operand()
    {
        var token = Peek;
        if (token is null)
        {
            return null;
        }

        _pos++;
        if (token.StartsWith('\''))
        {
            return (null, new Literal(LiteralKind.String, token[1..^1].Replace("''", "'", StringComparison.Ordinal)));
        }

        if (token.StartsWith('"'))
        {
            return (token[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal), null);
        }

        if (char.IsAsciiDigit(token[0]) || (token[0] == '-' && token.Length > 1))
        {
            return (null, new Literal(LiteralKind.Number, token));
        }

        var upper = token.ToUpperInvariant();
        switch (upper)
        {
            case "NULL":
                return (null, new Literal(LiteralKind.Null, null));
            case "TRUE" or "FALSE":
                return (null, new Literal(LiteralKind.Boolean, upper.ToLowerInvariant()));
            case "DATE" when Peek is { } next && next.StartsWith('\''):
                _pos++;
                return (null, new Literal(LiteralKind.Date, next[1..^1]));
            case "AND" or "OR" or "NOT" or "IS" or "IN" or "BETWEEN" or "LIKE" or "CASE" or "CAST" or "SELECT" or "EXISTS" or "ANY" or "ALL":
                return null;
        }

        if (char.IsAsciiLetter(token[0]) || token[0] == '_')
        {
            // A function call is not a column.
            return Peek == "(" ? null : (token, null);
        }

        return null;
    }

    private static List<string>? Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = i + 1;
                var sb = new StringBuilder().Append(c);
                while (true)
                {
                    if (end >= text.Length)
                    {
                        return null;
                    }

                    if (text[end] == c)
                    {
                        if (end + 1 < text.Length && text[end + 1] == c)
                        {
                            sb.Append(c).Append(c);
                            end += 2;
                            continue;
                        }

                        break;
                    }

                    sb.Append(text[end++]);
                }

                tokens.Add(sb.Append(c).ToString());
                i = end + 1;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && PrecedesOperand(tokens)))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "<=" or ">=" or "<>" or "!=" or "==")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if ("=<>(),".Contains(c))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    // A minus sign is part of a number only where an operand may start (not after a column or literal: "a -1").
    private static bool PrecedesOperand(List<string> tokens) =>
        tokens.Count == 0 || tokens[^1] is "=" or "==" or "<>" or "!=" or "<" or "<=" or ">" or ">=" or "(" or ",";
}
