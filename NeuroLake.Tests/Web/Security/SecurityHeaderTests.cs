using System.Net;
using System.Text.RegularExpressions;

namespace NeuroLake.Tests.Web.Security;

public sealed partial class SecurityHeaderTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/uploads")]
    [InlineData("/no-such-page")]
    public async Task Every_response_forbids_framing_sniffing_and_cross_site_referrers(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Scripts_are_ours_only_and_the_import_map_carries_this_responses_nonce()
    {
        using var client = app.CreateClient();

        using var first = await client.GetAsync("/");
        using var second = await client.GetAsync("/");

        var csp = first.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        var nonce = NonceSource().Match(scriptSrc).Groups[1].Value;
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", scriptSrc);
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.DoesNotContain("unsafe-eval", csp);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Matches($"<script type=\"importmap\"[^>]* nonce=\"{Regex.Escape(nonce)}\"", html);
        Assert.NotEqual(csp, second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_request_for_a_host_name_not_in_AllowedHosts_is_refused()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("http://rebound.attacker.example") });

        using var response = await client.GetAsync("/api/v1/uploads");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://[::1]:5000")]
    public async Task The_local_host_names_of_dotnet_run_are_allowed(string address)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri(address) });

        using var response = await client.GetAsync("/api/v1/uploads");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
