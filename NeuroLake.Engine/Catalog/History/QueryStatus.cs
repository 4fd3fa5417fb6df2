namespace NeuroLake.Engine.Catalog.History;

/// <summary>How a statement ended.</summary>
public enum QueryStatus
{
    Ok,
    Error,
    Cancelled,
}
