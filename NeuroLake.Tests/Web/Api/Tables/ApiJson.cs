using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>Calls as a script makes them: JSON in, status and JSON out.</summary>
internal static class ApiJson
{
    public static async Task<ApiAnswer> GetApiAsync(this HttpClient client, string path, Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request);
        return await SendAsync(client, request);
    }

    public static Task<ApiAnswer> PostApiAsync(this HttpClient client, string path, object? body, Action<HttpRequestMessage>? headers = null) =>
        SendAsync(client, HttpMethod.Post, path, body, headers);

    public static Task<ApiAnswer> PutApiAsync(this HttpClient client, string path, object? body) =>
        SendAsync(client, HttpMethod.Put, path, body);

    public static Task<ApiAnswer> PatchApiAsync(this HttpClient client, string path, object? body) =>
        SendAsync(client, HttpMethod.Patch, path, body);

    /// <summary>A PATCH with the JSON text as it is (a merge patch's nulls kept), optionally with an If-Match.</summary>
    public static Task<ApiAnswer> PatchJsonAsync(this HttpClient client, string path, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendAsync(client, request);
    }

    public static Task<ApiAnswer> DeleteApiAsync(this HttpClient client, string path) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Delete, path));

    /// <summary>Polls the operation a 202 answered until it is no longer running; returns it.</summary>
    public static async Task<JsonElement> PollOperationAsync(this HttpClient client, JsonElement accepted)
    {
        var path = $"/api/v1/operations/{accepted.GetProperty("id").GetGuid()}";
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var (status, operation) = await client.GetApiAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            if (operation.GetProperty("status").GetString() != "Running")
            {
                return operation;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} was still running after a minute.");
    }

    /// <summary>The problem's detail, for asserting what it tells the caller.</summary>
    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private static async Task<ApiAnswer> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, Action<HttpRequestMessage>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        headers?.Invoke(request);
        return await SendAsync(client, request);
    }

    private static async Task<ApiAnswer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            return new ApiAnswer(response.StatusCode, json, response.Headers.ETag?.Tag);
        }
    }
}

/// <summary>An answer: status, JSON body (undefined when empty) and ETag.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, JsonElement Json, string? ETag)
{
    public void Deconstruct(out HttpStatusCode status, out JsonElement json) => (status, json) = (Status, Json);
}
