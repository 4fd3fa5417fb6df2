using System.Text;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Quoted identifiers: DuckDB's "name" and Spark's `name`.</summary>
internal sealed partial class SqlLexer
{
    /// <summary>Reads "name" or `name`; the quote character doubled stands for itself.</summary>
    private void ReadQuotedIdentifier(char quote)
    {
        var start = _pos;
        var value = new StringBuilder();
        _pos++;
        while (true)
        {
            var close = _text.IndexOf(quote, _pos);
            if (close < 0)
            {
                throw Unterminated(start, "quoted identifier",
                    $"Close it with {quote} (write {quote}{quote} for a {quote} inside the name).");
            }

            value.Append(_text, _pos, close - _pos);
            _pos = close + 1;
            if (Peek(0) != quote)
            {
                break;
            }

            value.Append(quote);
            _pos++;
        }

        if (value.Length == 0)
        {
            throw new SqlSyntaxException("Empty quoted identifier", _lines.Span(start, _pos - start),
                "Write a name between the quotes.");
        }

        Add(TokenKind.QuotedIdentifier, start, value.ToString());
    }

    /// <summary>
    /// Reads `name`. DuckDB has no backtick quoting: it reads ` as an operator and lexes the text in between as SQL.
    /// So only names that mean nothing more to DuckDB (letters, digits, underscores, spaces) are accepted; a ;, quote or
    /// comment start inside would be hidden from these checks but not from DuckDB.
    /// </summary>
    private void ReadBacktickIdentifier()
    {
        ReadQuotedIdentifier('`');
        var token = _tokens[^1];
        foreach (var c in token.Value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or ' ' or '`') || IsRefusedSpace(c))
            {
                throw new SqlSyntaxException($"'{c}' in the backtick-quoted name `{token.Value}`", token.Span,
                    "Backtick-quoted names may hold only letters, digits, underscores and spaces; write other names in double quotes (\"...\").");
            }
        }
    }
}
