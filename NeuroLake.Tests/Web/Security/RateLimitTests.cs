using System.Net;
using System.Net.Http.Json;

namespace NeuroLake.Tests.Web.Security;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new(new Dictionary<string, string>
    {
        ["NeuroLake:Limits:ApiRequestsPerMinute"] = "3",
        ["NeuroLake:Limits:SignInAttemptsPerMinute"] = "2",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_api_answers_429_with_Retry_After_once_a_caller_passes_the_per_minute_limit()
    {
        using var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/v1/uploads");
            statuses.Add(ok.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT 1" });
        using var page = await client.GetAsync("/");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Contains("NeuroLake:Limits:ApiRequestsPerMinute", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_address()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("user", "admin"), new("password", "guess" + i)]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        using var limited = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent([new("user", "admin"), new("password", "guess")]));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync());
    }
}
