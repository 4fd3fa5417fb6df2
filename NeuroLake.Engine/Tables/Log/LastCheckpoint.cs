using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroLake.Engine.Tables.Log;

/// <summary>The <c>_delta_log/_last_checkpoint</c> hint: a recent checkpoint's version, size and parts. A hint only.</summary>
internal sealed record LastCheckpoint(long Version, long Size, int? Parts, long? SizeInBytes, long? NumOfAddFiles)
{
    public const string Key = "_delta_log/_last_checkpoint";

    /// <summary>Parses the file; a corrupt or partial hint gives null (the caller then lists the log).</summary>
    public static LastCheckpoint? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            var node = JsonNode.Parse(json.ToArray()) as JsonObject;
            if (node?["version"] is not JsonValue version || !version.TryGetValue<long>(out var v) || v < 0)
            {
                return null;
            }

            return new LastCheckpoint(
                v,
                node["size"] is JsonValue s && s.TryGetValue<long>(out var size) ? size : 0,
                node["parts"] is JsonValue p && p.TryGetValue<int>(out var parts) ? parts : null,
                node["sizeInBytes"] is JsonValue b && b.TryGetValue<long>(out var bytes) ? bytes : null,
                node["numOfAddFiles"] is JsonValue n && n.TryGetValue<long>(out var adds) ? adds : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public byte[] ToJson()
    {
        var node = new JsonObject { ["version"] = Version, ["size"] = Size };
        if (Parts is { } parts)
        {
            node["parts"] = parts;
        }

        if (SizeInBytes is { } bytes)
        {
            node["sizeInBytes"] = bytes;
        }

        if (NumOfAddFiles is { } adds)
        {
            node["numOfAddFiles"] = adds;
        }

        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
