using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Storage;

/// <summary>
/// A commit was ratified by the commit coordinator but its log object could not be written. The commit stands: the
/// next writer of the table publishes it, so retrying the whole operation may apply it twice.
/// </summary>
public sealed class CommitNotPublishedException(string location, string key, Exception inner)
    : NeuroLakeException(
        $"'{key}' of {location} was accepted by the commit coordinator, but writing it to the store failed ({inner.Message}). The commit is not lost: the next write to the table publishes it. Check the table's history before repeating the operation.",
        inner)
{
    public string Key { get; } = key;
}
