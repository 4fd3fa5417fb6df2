using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Storage;

/// <summary>An object that was expected in the store is missing.</summary>
public sealed class ObjectNotFoundException : NeuroLakeException
{
    public ObjectNotFoundException(string location, string key, Exception? inner = null)
        : base($"'{key}' does not exist in {location}. Check the path, or whether the file was deleted outside NeuroLake.", inner)
    {
        Key = key;
    }

    public string Key { get; }
}
