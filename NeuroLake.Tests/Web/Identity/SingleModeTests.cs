using System.Net;
using System.Text;

namespace NeuroLake.Tests.Web.Identity;

public sealed class SingleModeTests
{
    [Fact]
    public async Task Single_mode_serves_pages_and_the_api_without_sign_in_and_says_so()
    {
        await using var app = new WorkbenchAppFactory();
        using var client = app.Browser();

        using var home = await client.GetAsync("/");
        // A script's call (no cookies): a cookie-carrying POST without the antiforgery header is refused as a possible forgery.
        using var script = app.CreateClient();
        using var api = await script.PostAsync("/api/v1/sql", new StringContent("""{"sql":"SELECT 1"}""", Encoding.UTF8, "application/json"));
        using var setup = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Single-user mode — no sign-in", await home.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign out", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, setup.StatusCode);
    }
}
