using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Lineage;

/// <summary>Column lineage could not be derived from a statement (DuckDB could not parse it, or its form is not one a write takes).</summary>
public sealed class LineageException : NeuroLakeException
{
    internal LineageException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
