using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>
/// The access matrix of <see cref="AccessMatrix"/> and <see cref="StatementMatrix"/>, run against the real app in
/// Accounts mode on both catalog providers; and the check that no endpoint or page escapes it.
/// </summary>
public sealed class AccessMatrixTests
{
    [Fact]
    public async Task Every_endpoint_the_app_maps_has_a_row_in_the_matrix()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        _ = app.Server;

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && !IsFrameworkPlumbing(e))
            .SelectMany(KeysOf)
            .ToHashSet(StringComparer.Ordinal);
        var listed = AccessMatrix.Endpoints.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        Assert.True(mapped.SetEquals(listed),
            $"Endpoints without a row in AccessMatrix.Endpoints: {string.Join("; ", mapped.Except(listed).Order())}. " +
            $"Rows for endpoints the app does not map: {string.Join("; ", listed.Except(mapped).Order())}.");
    }

    [Fact]
    public async Task Every_routable_page_has_a_row_in_the_matrix()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        _ = app.Server;

        var routed = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .ToHashSet(StringComparer.Ordinal);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        var listed = AccessMatrix.Pages.Select(p => p.Pattern).ToHashSet(StringComparer.Ordinal);

        Assert.True(routed.SetEquals(listed),
            $"Pages without a row in AccessMatrix.Pages: {string.Join("; ", routed.Except(listed).Order())}. " +
            $"Rows for pages that do not exist: {string.Join("; ", listed.Except(routed).Order())}.");
        Assert.True(mapped.SetEquals(routed), $"Mapped page endpoints {string.Join("; ", mapped.Order())} differ from the routable components.");
    }

    [Fact]
    public async Task On_sqlite_every_caller_gets_the_expected_answer_from_every_page_endpoint_and_statement()
    {
        await using var matrix = await AccessMatrixApp.StartAsync();

        var wrong = await RunAsync(matrix);

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [PostgresFact]
    public async Task On_postgres_every_caller_gets_the_expected_answer_from_every_page_endpoint_and_statement()
    {
        await PostgresCatalogSettings.RunAsync("neurolake_matrix", async catalog =>
        {
            await using var matrix = await AccessMatrixApp.StartAsync(catalog);

            var wrong = await RunAsync(matrix);

            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        });
    }

    /// <summary>Every cell of the matrix that answered otherwise, as "GET /x as viewer: expected 403, got 200".</summary>
    private static async Task<List<string>> RunAsync(AccessMatrixApp matrix)
    {
        var wrong = new List<string>();
        foreach (var probe in AccessMatrix.Pages)
        {
            await CheckAsync(matrix, probe, wrong);
        }

        foreach (var (sql, expected) in StatementMatrix.Statements)
        {
            foreach (var caller in Enum.GetValues<Caller>().Skip(1))
            {
                var got = await StatementAsync(matrix, caller, sql);
                if (got != expected[(int)caller - 1])
                {
                    wrong.Add($"{sql} as {caller}: expected {expected[(int)caller - 1]}, got {got}");
                }
            }
        }

        // Endpoints last: the final row signs the browsers out.
        foreach (var probe in AccessMatrix.Endpoints)
        {
            await CheckAsync(matrix, probe, wrong);
        }

        return wrong;
    }

    private static async Task CheckAsync(AccessMatrixApp matrix, Probe probe, List<string> wrong)
    {
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var name = caller.ToString().ToLowerInvariant();
            var url = await FillAsync(matrix, probe.Url, name);
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), url) { Content = probe.Body?.Invoke(name) };
            using var response = await matrix.SendAsync(caller, request);
            var got = Answer(response);
            if (got != probe.ExpectedFor(caller))
            {
                var body = await response.Content.ReadAsStringAsync();
                wrong.Add($"{probe.Method} {url} as {name}: expected {probe.ExpectedFor(caller)}, got {got} ({body[..Math.Min(body.Length, 300)]})");
            }
        }
    }

    private static async Task<string> StatementAsync(AccessMatrixApp matrix, Caller caller, string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql")
        {
            Content = JsonContent.Create(new { sql = sql.Replace("{caller}", caller.ToString().ToLowerInvariant(), StringComparison.Ordinal) }),
        };
        using var response = await matrix.SendAsync(caller, request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode switch
        {
            HttpStatusCode.OK => "allow",
            HttpStatusCode.BadRequest when body.Contains("permission denied", StringComparison.Ordinal) => "deny",
            _ => $"{(int)response.StatusCode} {body}",
        };
    }

    private static async Task<string> FillAsync(AccessMatrixApp matrix, string url, string caller)
    {
        if (url.Contains("{job}", StringComparison.Ordinal))
        {
            url = url.Replace("{job}", (await matrix.AdminJobAsync()).ToString(), StringComparison.Ordinal);
        }

        if (url.Contains("{run}", StringComparison.Ordinal))
        {
            url = url.Replace("{run}", (await matrix.QueuedRunAsync()).ToString(), StringComparison.Ordinal);
        }

        return url.Replace("{caller}", caller, StringComparison.Ordinal).Replace("{nothing}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
    }

    /// <summary>The status code, or for a redirect where it points: <c>signin</c>, <c>denied</c>, or the target itself.</summary>
    private static string Answer(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is < 300 or >= 400)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var target = response.Target() ?? "";
        return target.StartsWith("/account/signin", StringComparison.Ordinal) ? "signin"
            : target.StartsWith("/account/denied", StringComparison.Ordinal) ? "denied"
            : $"{(int)response.StatusCode}→{target}";
    }

    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        return methods.Select(method => $"{method} {pattern}");
    }

    // Static files (and the fallback for file names), and Blazor's own script and circuit hub: no data of ours, and the circuit's pages check their user themselves.
    private static bool IsFrameworkPlumbing(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? "";
        return pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("_blazor", StringComparison.Ordinal)
            || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("_framework", StringComparison.Ordinal)
            || pattern.EndsWith(":file}", StringComparison.Ordinal)
            || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");
    }
}
