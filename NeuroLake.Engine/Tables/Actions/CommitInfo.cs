using System.Text.Json.Nodes;

namespace NeuroLake.Engine.Tables.Actions;

/// <summary>
/// The <c>commitInfo</c> action. Writers may store any JSON here, so every field is kept as read;
/// the properties expose the ones NeuroLake uses.
/// </summary>
public sealed record CommitInfo(JsonObject Fields) : DeltaAction
{
    public long? Timestamp => GetLong("timestamp");

    /// <summary>The in-commit timestamp (ms since the epoch), present when the table enables in-commit timestamps.</summary>
    public long? InCommitTimestamp => GetLong("inCommitTimestamp");

    public string? Operation => GetString("operation");

    public string? UserName => GetString("userName");

    public string? EngineInfo => GetString("engineInfo");

    public bool? IsBlindAppend => Fields["isBlindAppend"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public IReadOnlyDictionary<string, string> OperationParameters => StringMap("operationParameters");

    public IReadOnlyDictionary<string, string> OperationMetrics => StringMap("operationMetrics");

    private long? GetLong(string name) => Fields[name] is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private string? GetString(string name) => Fields[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private Dictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Fields[name] is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                map[key] = value is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
            }
        }

        return map;
    }
}
