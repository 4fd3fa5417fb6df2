using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A statement the SQL sandbox refuses to run (INSTALL, ATTACH, COPY, SET, PRAGMA ...).</summary>
public sealed class ForbiddenStatementException : NeuroLakeException
{
    internal ForbiddenStatementException(string keyword, SourceSpan span, string reason)
        : base($"{keyword} is not allowed in NeuroLake SQL (statement at {span}). {reason}")
    {
        Keyword = keyword;
        Span = span;
    }

    /// <summary>The statement's leading keyword(s), upper case.</summary>
    public string Keyword { get; }

    public SourceSpan Span { get; }
}
