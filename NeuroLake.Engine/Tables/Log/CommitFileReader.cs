using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Log;

/// <summary>Reads one JSON commit file into actions; a malformed or truncated file is an error naming the file.</summary>
internal static class CommitFileReader
{
    public static async Task<List<DeltaAction>> ReadAsync(IObjectStore store, string key, CancellationToken ct)
    {
        var bytes = await store.GetAsync(key, ct).ConfigureAwait(false);
        return Parse(bytes, store.Location, key);
    }

    public static List<DeltaAction> Parse(byte[] bytes, string location, string key)
    {
        var actions = new List<DeltaAction>();
        var lineNumber = 0;
        foreach (var line in DuckDbRows.SplitLines(bytes))
        {
            lineNumber++;
            try
            {
                if (ActionReader.ParseLine(line) is { } action)
                {
                    actions.Add(action);
                }
            }
            catch (ActionFormatException e)
            {
                throw new CorruptTableException(
                    $"The commit file '{key}' in '{location}' is malformed or truncated at line {lineNumber}: {e.Message}. "
                    + "Restore it from a backup; a commit file must hold one complete JSON action per line.", e);
            }
        }

        if (actions.Count == 0)
        {
            throw new CorruptTableException($"The commit file '{key}' in '{location}' is empty or truncated: it holds no actions. Restore it from a backup.");
        }

        return actions;
    }
}
