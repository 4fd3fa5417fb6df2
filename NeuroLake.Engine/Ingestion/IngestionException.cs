using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Ingestion;

/// <summary>A source file that ingestion cannot read as it is; the message says what to change.</summary>
public sealed class IngestionException : NeuroLakeException
{
    public IngestionException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
