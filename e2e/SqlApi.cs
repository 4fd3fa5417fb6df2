using System.Net.Http.Json;

namespace NeuroLake.E2E;

/// <summary>Runs SQL on the running app through its REST API (<c>POST /api/v1/sql</c>), as a script or another tool would.</summary>
internal sealed class SqlApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <exception cref="InvalidOperationException">The API refused the statement; the message carries its problem details.</exception>
    public async Task RunAsync(string sql)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/sql", new { sql });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/sql answered {(int)response.StatusCode} to '{sql}': {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The first value of the last statement's first row, as JSON.</summary>
    public async Task<System.Text.Json.JsonElement> ScalarAsync(string sql)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/sql", new { sql });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/sql answered {(int)response.StatusCode} to '{sql}': {body}");
        }

        using var document = System.Text.Json.JsonDocument.Parse(body);
        var statements = document.RootElement.GetProperty("statements");
        return statements[statements.GetArrayLength() - 1].GetProperty("rows")[0][0].Clone();
    }

    public void Dispose() => _http.Dispose();
}
