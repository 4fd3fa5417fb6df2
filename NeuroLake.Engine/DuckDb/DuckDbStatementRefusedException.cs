using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.DuckDb;

/// <summary>DuckDB's parser read a text as something other than what the caller allowed; nothing ran.</summary>
public sealed class DuckDbStatementRefusedException : NeuroLakeException
{
    public DuckDbStatementRefusedException(string message, string statement)
        : base(message)
    {
        Statement = statement;
    }

    /// <summary>The SQL that was refused (may be a rewrite of the user's; not for showing to users).</summary>
    public string Statement { get; }
}
