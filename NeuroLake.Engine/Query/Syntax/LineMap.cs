namespace NeuroLake.Engine.Query.Syntax;

/// <summary>Turns character offsets into one-based line and column numbers; \n, \r\n and a lone \r each end a line.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourceSpan Span(int offset, int length)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return new SourceSpan(offset, length, line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>A span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        first with { Length = last.End - first.Offset };
}
