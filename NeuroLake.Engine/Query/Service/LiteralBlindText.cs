using System.Text;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// A statement's text with each plain literal written as one fixed value of its kind (<c>0</c>, <c>''</c>), so statements that differ only in
/// the values they compare with (<c>WHERE id = 17</c>, <c>WHERE name = 'Ann'</c>) share one parser check. Only
/// literals whose replacement cannot change how DuckDB splits the text are replaced: digits with at most one inner
/// point, and '...' strings with no quote or backslash inside; each must stand between characters that end a token
/// (so never <c>E'..'</c>, <c>x'..'</c>, <c>$1</c>, <c>1.5.2</c> or part of a name). The sandbox's decisions never
/// depend on a literal's value: the parse tree's shape, table references and function names are the same.
/// </summary>
internal static class LiteralBlindText
{
    public static string Of(SqlStatement statement)
    {
        var text = statement.Text;
        StringBuilder? blind = null;
        var copied = 0;
        foreach (var token in statement.Tokens)
        {
            var fixedValue = token.Kind switch
            {
                TokenKind.Number when IsPlainNumber(token.Text) => "0",
                TokenKind.String when IsPlainString(token.Text) => "''",
                _ => null,
            };
            var start = token.Span.Offset - statement.Span.Offset;
            var end = start + token.Text.Length;
            if (fixedValue is null || start < 0 || end > text.Length || !Delimited(text, start, end))
            {
                continue;
            }

            blind ??= new StringBuilder(text.Length);
            blind.Append(text, copied, start - copied).Append(fixedValue);
            copied = end;
        }

        return blind is null ? text : blind.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsPlainNumber(string token)
    {
        var points = 0;
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.' && i > 0 && i < token.Length - 1)
            {
                points++;
            }
            else if (!char.IsAsciiDigit(token[i]))
            {
                return false;
            }
        }

        return token.Length > 0 && points <= 1;
    }

    private static bool IsPlainString(string token) =>
        token.Length >= 2 && token[0] == '\'' && token[^1] == '\'' && token.AsSpan(1, token.Length - 2).IndexOfAny('\'', '\\') < 0;

    /// <summary>The characters on both sides end a token whatever the literal holds: space, parentheses, commas, operators.</summary>
    private static bool Delimited(string text, int start, int end) =>
        (start == 0 || IsBoundary(text[start - 1])) && (end == text.Length || IsBoundary(text[end]));

    private static bool IsBoundary(char c) => c is ' ' or '\t' or '\n' or '\r' or '(' or ')' or ',' or '=' or '<' or '>' or '+' or '*' or '/' or '%' or ';' or '[' or ']';
}
