using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>What the tests send: SQL through the app's own API, and GETs of the Unity Catalog endpoint read as JSON.</summary>
internal static class UnityCatalogCalls
{
    public const string Root = "/api/2.1/unity-catalog";

    public static async Task SqlAsync(HttpClient client, string sql)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="path"/> under the endpoint's root and returns the status with the body as JSON.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Root + path);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>A 200 answer, validated against <paramref name="schema"/> of the spec.</summary>
    public static async Task<JsonElement> GetValidAsync(HttpClient client, string path, string schema)
    {
        var (status, json) = await GetAsync(client, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {json}");
        UnityCatalogSpec.AssertValid(json, schema);
        return json;
    }

    /// <summary>An error answer with <paramref name="status"/> in Unity Catalog's error shape; its error_code.</summary>
    public static async Task<string> GetErrorAsync(HttpClient client, string path, HttpStatusCode status)
    {
        var (actual, json) = await GetAsync(client, path);
        Assert.True(actual == status, $"GET {path}: {(int)actual} {json}, expected {(int)status}");
        UnityCatalogSpec.AssertValid(json, "Error");
        return json.GetProperty("error_code").GetString()!;
    }

    public static IEnumerable<string> Names(JsonElement list, string property) =>
        list.GetProperty(property).EnumerateArray().Select(e => e.GetProperty("name").GetString()!);
}
