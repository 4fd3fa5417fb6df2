namespace NeuroLake.Engine.Configuration;

/// <summary>SQL service settings, bound from <c>NeuroLake:Query</c>.</summary>
public sealed class QueryOptions
{
    /// <summary>How long one statement may run before it is interrupted. Default 30 minutes; must be positive.</summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
