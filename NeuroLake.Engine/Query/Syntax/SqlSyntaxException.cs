using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// SQL text that NeuroLake cannot read: an unterminated string or comment, a malformed time travel
/// clause, an invalid name. <see cref="Span"/> says where, in the text the user submitted.
/// </summary>
public sealed class SqlSyntaxException : NeuroLakeException
{
    internal SqlSyntaxException(string problem, SourceSpan span, string fix)
        : base($"{problem} at {span}. {fix}")
    {
        Span = span;
    }

    /// <summary>Where the problem is; line and column are one-based.</summary>
    public SourceSpan Span { get; }

    public int Line => Span.Line;

    public int Column => Span.Column;
}
