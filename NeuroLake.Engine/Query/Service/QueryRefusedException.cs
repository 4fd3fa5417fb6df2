using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Query.Service;

/// <summary>A statement the query service will not run as written: unknown table, file access, unsupported form.</summary>
public sealed class QueryRefusedException : NeuroLakeException
{
    internal QueryRefusedException(string message) : base(message)
    {
    }
}
