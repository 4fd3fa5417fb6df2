using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Security;

public sealed class CrossSiteRequestTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task A_cross_site_multipart_overwrite_is_refused_and_the_table_keeps_its_rows()
    {
        using var client = app.CreateClient();
        var table = $"csrf_{Guid.NewGuid():N}.orders";
        using (var created = await client.PostAsync($"/api/v1/ingest?table={table}&mode=create&filename=orders.csv", SecurityApi.Csv(500)))
        {
            created.EnsureSuccessStatusCode();
        }

        using var form = new MultipartFormDataContent { { SecurityApi.Csv(1), "file", "evil.csv" } };
        using var attack = SecurityApi.CrossSite(HttpMethod.Post, $"/api/v1/ingest?table={table}&mode=overwrite", form);
        using var response = await client.SendAsync(attack);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Cross-site request refused", await SecurityApi.ProblemTitleAsync(response));
        Assert.Equal(500, await SecurityApi.CountAsync(client, table));
    }

    [Fact]
    public async Task A_cross_site_upload_is_refused_and_nothing_is_staged()
    {
        using var client = app.CreateClient();
        var before = Uploads().ListFor(Environment.UserName).Count;

        using var attack = SecurityApi.CrossSite(HttpMethod.Post, "/api/v1/uploads?name=evil.csv", new ByteArrayContent("a\n1\n"u8.ToArray()));
        using var response = await client.SendAsync(attack);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, Uploads().ListFor(Environment.UserName).Count);
    }

    [Theory]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost.attacker.example")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_browser_request_from_another_origin_is_refused_whatever_it_carries(string header, string value)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql") { Content = JsonContent.Create(new { sql = "SELECT 1" }) };
        request.Headers.Add(header, value);
        AddValidToken(request);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Cross-site request refused", await SecurityApi.ProblemTitleAsync(response));
    }

    [Fact]
    public async Task A_same_origin_browser_request_without_the_antiforgery_token_is_refused()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/uploads/{Guid.NewGuid():N}");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", "http://localhost");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Antiforgery token missing or invalid", await SecurityApi.ProblemTitleAsync(response));
    }

    [Fact]
    public async Task A_same_origin_browser_request_with_a_forged_token_is_refused()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql") { Content = JsonContent.Create(new { sql = "SELECT 1" }) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("RequestVerificationToken", "CfDJ8-made-up");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_same_origin_browser_request_with_the_pages_token_runs()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads?name=mine.csv") { Content = new ByteArrayContent("a\n7\n"u8.ToArray()) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", "http://localhost");
        AddValidToken(request);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_request_is_left_to_token_authentication_even_with_browser_headers()
    {
        using var client = app.CreateClient();
        using var request = SecurityApi.CrossSite(HttpMethod.Post, "/api/v1/sql", JsonContent.Create(new { sql = "SELECT 1" }));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nl_pat_example");

        using var response = await client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_ingest_page_hands_the_browser_an_antiforgery_cookie()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/ingest");

        var cookieName = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GET_export_of_a_write_is_refused_and_changes_nothing()
    {
        using var client = app.CreateClient();
        var table = $"getsafe_{Guid.NewGuid():N}.t";
        using (var created = await client.PostAsync($"/api/v1/ingest?table={table}&mode=create&filename=t.csv", SecurityApi.Csv(5)))
        {
            created.EnsureSuccessStatusCode();
        }

        using var response = await client.GetAsync("/api/v1/sql/export?format=csv&sql=" + Uri.EscapeDataString($"DELETE FROM {table}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(5, await SecurityApi.CountAsync(client, table));
    }

    private UploadStore Uploads() => app.Services.GetRequiredService<UploadStore>();

    /// <summary>What the workbench page holds: the antiforgery cookie and the matching request token.</summary>
    private void AddValidToken(HttpRequestMessage request)
    {
        var antiforgery = app.Services.GetRequiredService<IAntiforgery>();
        // Tokens are bound to the user: the page's token was issued to the single-mode user who then sends it.
        var user = app.Services.GetRequiredService<IOptions<NeuroLake.Engine.Configuration.NeuroLakeOptions>>().Value.User;
        var signedIn = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, user), new(System.Security.Claims.ClaimTypes.Role, NeuroLake.Web.Identity.WorkbenchRoles.Admin)],
            NeuroLake.Web.Identity.SingleUserAuthenticationHandler.SchemeName));
        var tokens = antiforgery.GetTokens(new DefaultHttpContext { RequestServices = app.Services, User = signedIn });
        var options = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        request.Headers.Add("Cookie", $"{options.Cookie.Name}={tokens.CookieToken}");
        request.Headers.Add(options.HeaderName!, tokens.RequestToken);
    }
}
