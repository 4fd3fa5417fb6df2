using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Admin;

/// <summary>Every <c>/api/v1/admin</c> route refuses anyone but an administrator: 403 to a signed-in analyst or their token, 401 to an anonymous caller, and changes nothing.</summary>
public sealed partial class AdminApiAccessTests
{
    [Fact]
    public async Task Every_admin_route_answers_403_to_an_analysts_token_and_401_anonymously()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        var analyst = app.As(TokenApiApp.Analyst);
        using var anonymous = app.Client();
        var routes = AdminRoutes(app).ToList();

        var refused = new List<string>();
        foreach (var (method, path) in routes)
        {
            using var asAnalyst = await analyst.SendAsync(Request(method, path));
            using var asNobody = await anonymous.SendAsync(Request(method, path));
            if (asAnalyst.StatusCode != HttpStatusCode.Forbidden || asNobody.StatusCode != HttpStatusCode.Unauthorized)
            {
                refused.Add($"{method} {path}: analyst {(int)asAnalyst.StatusCode}, anonymous {(int)asNobody.StatusCode}");
            }
            else
            {
                Assert.Contains("Administrators only", await asAnalyst.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.True(routes.Count >= 14, $"only {routes.Count} admin routes were found");
        Assert.True(refused.Count == 0, string.Join('\n', refused));
        var audited = await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { User = TokenApiApp.Analyst, Action = AuditAction.AdminChange });
        Assert.Empty(audited.Entries);
        var users = await app.As(AccountsApp.AdminName).GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.All(users.EnumerateArray(), u => Assert.False(u.GetProperty("isDisabled").GetBoolean()));
    }

    [Fact]
    public async Task A_signed_in_analyst_gets_403_on_the_admin_lists_too()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        using var browser = app.App.Browser();
        using var signedIn = await browser.SignInAsync(TokenApiApp.Analyst, TokenApiApp.AnalystPassword);

        foreach (var path in new[] { "/api/v1/admin/users", "/api/v1/admin/groups", "/api/v1/admin/tokens", "/api/v1/admin/settings" })
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    /// <summary>Each admin route the app maps, with its parameters filled in (the analyst's own name where a user is named).</summary>
    private static IEnumerable<(string Method, string Path)> AdminRoutes(TokenApiApp app) =>
        app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/admin", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, Parameter().Replace(e.RoutePattern.RawText!, p => p.Groups["name"].Value switch
                {
                    "name" => "admin",
                    _ => TokenApiApp.Analyst,
                }))));

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PATCH" or "PUT"
            ? JsonContent.Create(new { userName = "eve", password = "Long-enough-9", name = "g", user = TokenApiApp.Analyst, rowLimit = 5 })
            : null,
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
