using System.Text;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Strings, escape strings and dollar-quoted strings.</summary>
internal sealed partial class SqlLexer
{
    /// <summary>Reads '...' where '' stands for one quote; <paramref name="quoteOffset"/> is where the opening quote is.</summary>
    private void ReadQuotedString(int tokenStart, int quoteOffset)
    {
        var value = new StringBuilder();
        _pos = quoteOffset + 1;
        while (true)
        {
            var close = _text.IndexOf('\'', _pos);
            if (close < 0)
            {
                throw Unterminated(tokenStart, "string literal",
                    "Close it with ' (write '' for a quote inside the string).");
            }

            value.Append(_text, _pos, close - _pos);
            _pos = close + 1;
            if (Peek(0) == '\'')
            {
                value.Append('\'');
                _pos++;
            }
            else if (ContinuationQuote(close) is var next and >= 0)
            {
                _pos = next + 1;
            }
            else
            {
                break;
            }
        }

        Add(TokenKind.String, tokenStart, value.ToString());
    }

    /// <summary>Reads E'...', where a backslash escapes the next character, including in a continuation on a later line.</summary>
    private void ReadEscapeString()
    {
        var start = _pos;
        var value = new StringBuilder();
        _pos += 2;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Unterminated(start, "escape string literal",
                    "Close it with ' (write \\' or '' for a quote inside the string).");
            }

            var c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length)
            {
                value.Append(Unescape(_text[_pos++]));
            }
            else if (c == '\'' && Peek(0) == '\'')
            {
                value.Append('\'');
                _pos++;
            }
            else if (c == '\'' && ContinuationQuote(_pos - 1) is var next and >= 0)
            {
                _pos = next + 1;
            }
            else if (c == '\'')
            {
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        Add(TokenKind.String, start, value.ToString());
    }

    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'b' => '\b',
        'f' => '\f',
        '0' => '\0',
        _ => c,
    };

    /// <summary>
    /// Reads $1 (a parameter) or $$...$$ and $tag$...$tag$ (dollar-quoted strings). Any other $ is a token of its own,
    /// as in DuckDB, which lexes what follows afresh: in $E'...' the E'...' is an escape string.
    /// </summary>
    private void ReadDollar()
    {
        var start = _pos;
        if (char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (char.IsAsciiDigit(Peek(0)))
            {
                _pos++;
            }

            Add(TokenKind.Parameter, start);
            return;
        }

        var tagEnd = _pos + 1;
        if (tagEnd < _text.Length && IsDollarTagStart(_text[tagEnd]))
        {
            while (tagEnd < _text.Length && (IsDollarTagStart(_text[tagEnd]) || char.IsAsciiDigit(_text[tagEnd])))
            {
                tagEnd++;
            }
        }

        if (tagEnd >= _text.Length || _text[tagEnd] != '$')
        {
            if (tagEnd == _pos + 1)
            {
                throw new SqlSyntaxException("Unexpected character '$'", _lines.Span(_pos, 1),
                    "Write $1 or $name for a parameter, or $$...$$ for a dollar-quoted string.");
            }

            _pos++;
            Add(TokenKind.Parameter, start);
            return;
        }

        var delimiter = _text[start..(tagEnd + 1)];
        var bodyStart = tagEnd + 1;
        var close = _text.IndexOf(delimiter, bodyStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Unterminated(start, "dollar-quoted string", $"Close it with {delimiter}.");
        }

        _pos = close + delimiter.Length;
        Add(TokenKind.String, start, _text[bodyStart..close]);
    }

    private static bool IsDollarTagStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && !IsRefusedSpace(c));
}
