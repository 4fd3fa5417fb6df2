using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Storage;

/// <summary>An object sits in an archive storage class and must be restored before it can be read.</summary>
public sealed class ObjectArchivedException(string location, string key, Exception? inner = null)
    : NeuroLakeException($"'{key}' in {location} is archived and must be restored before it can be read.", inner)
{
    public string Key { get; } = key;
}
