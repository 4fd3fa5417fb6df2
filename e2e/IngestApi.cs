using System.Text;

namespace NeuroLake.E2E;

/// <summary>Loads a file into a table through <c>POST /api/v1/ingest</c>, as a script would.</summary>
internal static class IngestApi
{
    /// <exception cref="InvalidOperationException">The API refused the file; the message carries its problem details.</exception>
    public static async Task CreateAsync(Uri baseAddress, string table, string fileName, string csv)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync($"/api/v1/ingest?table={table}&mode=create&filename={Uri.EscapeDataString(fileName)}", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
