using System.Net;

namespace NeuroLake.Tests.Web.Security;

public sealed class CorsTests
{
    [Fact]
    public async Task CORS_is_closed_by_default()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Preflight("https://dashboards.example.com"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_may_call_the_api_and_others_still_may_not()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:Security:CorsOrigins:0"] = "https://dashboards.example.com" });
        using var client = app.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://dashboards.example.com"));
        using var other = await client.SendAsync(Preflight("https://attacker.example"));

        Assert.Equal("https://dashboards.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/sql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
