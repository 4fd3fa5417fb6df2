namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// One statement of a script: its text (without the terminating semicolon) and where it sits in the
/// script, so errors and results can be shown beside the right statement.
/// </summary>
public sealed class SqlStatement
{
    internal SqlStatement(string source, int index, SourceSpan span, SourceSpan region, int terminatorEnd, IReadOnlyList<SqlToken> tokens)
    {
        TerminatorEnd = terminatorEnd;
        Source = source;
        Index = index;
        Span = span;
        Region = region;
        Tokens = tokens;
    }

    /// <summary>The whole script this statement came from.</summary>
    public string Source { get; }

    /// <summary>Zero-based position among the script's non-empty statements.</summary>
    public int Index { get; }

    /// <summary>From the first token to the last one before the semicolon.</summary>
    public SourceSpan Span { get; }

    /// <summary>
    /// The part of the script this statement owns for cursor purposes: from just after the previous
    /// statement's semicolon through its own semicolon (or the end of the script).
    /// </summary>
    public SourceSpan Region { get; }

    public string Text => Span.TextIn(Source);

    /// <summary>The offset just past this statement's semicolon, or past its last token when it has none.</summary>
    internal int TerminatorEnd { get; }

    /// <summary>The statement's tokens; their spans are offsets into <see cref="Source"/>.</summary>
    internal IReadOnlyList<SqlToken> Tokens { get; }

    public override string ToString() => Text;
}
