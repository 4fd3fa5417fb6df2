using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Tables.Errors;

/// <summary>The table needs a protocol version or table feature NeuroLake does not implement; the message names it.</summary>
public sealed class UnsupportedTableFeatureException(string message, IReadOnlyList<string> features)
    : NeuroLakeException(message)
{
    public IReadOnlyList<string> Features { get; } = features;
}
