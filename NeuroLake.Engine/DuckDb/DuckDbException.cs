using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.DuckDb;

/// <summary>An error reported by DuckDB, carrying its message and the statement that caused it.</summary>
public sealed class DuckDbException : NeuroLakeException
{
    public DuckDbException(string duckDbMessage, string? statement = null)
        : base(statement is null ? duckDbMessage : $"{duckDbMessage}\nStatement: {statement}")
    {
        DuckDbMessage = duckDbMessage;
        Statement = statement;
    }

    /// <summary>DuckDB's own error text, unchanged.</summary>
    public string DuckDbMessage { get; }

    /// <summary>The SQL that failed, when there was one.</summary>
    public string? Statement { get; }
}
