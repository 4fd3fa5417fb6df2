using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// A statement of a script failed; the statements before it ran (their results are in <see cref="Completed"/>),
/// the ones after it did not.
/// </summary>
public sealed class QueryFailedException : NeuroLakeException
{
    internal QueryFailedException(int statementIndex, int line, string reason, IReadOnlyList<StatementResult> completed, Exception? inner)
        : base($"Statement {statementIndex + 1} (line {line}) failed: {reason}", inner)
    {
        StatementIndex = statementIndex;
        Line = line;
        Reason = reason;
        Completed = completed;
    }

    /// <summary>Zero-based index of the failed statement.</summary>
    public int StatementIndex { get; }

    /// <summary>One-based line where the failed statement starts.</summary>
    public int Line { get; }

    /// <summary>Why it failed: DuckDB's message, or NeuroLake's with the fix.</summary>
    public string Reason { get; }

    public IReadOnlyList<StatementResult> Completed { get; }
}
