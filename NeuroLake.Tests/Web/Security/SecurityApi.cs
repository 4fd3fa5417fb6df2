using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Security;

/// <summary>Calls the tests here make as a script would (no browser headers, no cookies).</summary>
internal static class SecurityApi
{
    /// <summary>A request with the headers Chromium adds to a form another site submits.</summary>
    public static HttpRequestMessage CrossSite(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return request;
    }

    public static StringContent Csv(int rows)
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(i).Append(",row").Append(i).Append('\n');
        }

        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }

    public static async Task<long> CountAsync(HttpClient client, string table)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql = $"SELECT count(*) AS n FROM {table}" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("statements")[0].GetProperty("rows")[0][0].GetInt64();
    }

    public static async Task<string> ProblemTitleAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("title").GetString()!;
    }
}
