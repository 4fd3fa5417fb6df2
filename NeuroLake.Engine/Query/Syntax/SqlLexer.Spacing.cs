namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Whitespace and comments, and the characters DuckDB does not read the way .NET would.</summary>
internal sealed partial class SqlLexer
{
    /// <summary>DuckDB's whitespace: space, tab, line feed, carriage return and form feed; not vertical tab.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>
    /// Characters outside quotes and comments that DuckDB reads differently from .NET: vertical tab (an error to DuckDB),
    /// and non-ASCII spaces, which DuckDB either replaces with a space before parsing (U+00A0, U+2000 to U+200B, U+202F,
    /// U+205F, U+2060, U+3000, U+FEFF, but not when they end the text) or takes as letters of a name (U+2028, U+0085 ...).
    /// </summary>
    private static bool IsRefusedSpace(char c) =>
        c == '\v' || (c > 127 && (char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF'));

    private SqlSyntaxException RefusedSpace(int at) => new(
        $"{(_text[at] == '\v' ? "Vertical tab" : "Unicode space")} (U+{(int)_text[at]:X4}) outside a string, quoted name or comment",
        _lines.Span(at, 1),
        "DuckDB does not read it as an ordinary space, so replace it with a space or a line break.");

    /// <summary>DuckDB receives SQL as a C string and stops reading at the first NUL, so the rest would go unchecked by one side.</summary>
    private void RefuseNul()
    {
        var at = _text.IndexOf('\0', StringComparison.Ordinal);
        if (at >= 0)
        {
            throw new SqlSyntaxException("NUL character (U+0000)", _lines.Span(at, 1),
                "DuckDB stops reading SQL at a NUL, so remove it; write chr(0) for a NUL inside a value.");
        }
    }

    /// <summary>-- runs to the next line feed or carriage return, as in DuckDB (a lone \r ends it too).</summary>
    private void SkipLineComment()
    {
        var end = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        _pos = end < 0 ? _text.Length : _pos + end + 1;
    }

    /// <summary>/* ... */, where comments nest as they do in DuckDB.</summary>
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

    /// <summary>
    /// Where a string literal continues after its closing quote at <paramref name="close"/>: DuckDB joins 'a' and 'b'
    /// separated only by whitespace and -- comments that include a line break (the second part keeps the first's
    /// escape rules). The offset of the next opening quote, or -1.
    /// </summary>
    private int ContinuationQuote(int close)
    {
        var i = close + 1;
        var newline = false;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c is '\n' or '\r')
            {
                newline = true;
                i++;
            }
            else if (IsSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < _text.Length && _text[i + 1] == '-')
            {
                var end = _text.AsSpan(i).IndexOfAny('\n', '\r');
                i = end < 0 ? _text.Length : i + end;
            }
            else
            {
                return c == '\'' && newline ? i : -1;
            }
        }

        return -1;
    }
}
