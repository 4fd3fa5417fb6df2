using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Contract;

/// <summary>What the OpenAPI document says an operation answers: the JSON schema per status code.</summary>
internal static class DocumentedResponses
{
    /// <summary>The success responses of <paramref name="operation"/>: status → JSON schema (null when documented without a JSON body).</summary>
    public static IReadOnlyDictionary<string, JsonElement?> Successes(JsonElement operation)
    {
        var result = new Dictionary<string, JsonElement?>();
        if (!operation.TryGetProperty("responses", out var responses))
        {
            return result;
        }
        foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2')))
        {
            result[response.Name] = response.Value.TryGetProperty("content", out var content)
                && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
                ? schema
                : null;
        }
        return result;
    }

    /// <summary>Whether the success response names a content type other than JSON (a file download, text).</summary>
    public static bool HasNonJsonContent(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.EnumerateObject().Where(r => r.Name.StartsWith('2'))
            .Any(r => r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Name != "application/json"));
}
