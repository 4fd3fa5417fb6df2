using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NeuroLake.Tests.Web.Api;

/// <summary>The OpenAPI document lists every REST endpoint the app maps (and the Unity Catalog endpoint), each with a summary, under the bearer scheme.</summary>
public sealed partial class OpenApiDocumentTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task Every_api_endpoint_is_in_the_document_with_a_summary()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var missing = new List<string>();
        foreach (var (method, route) in MappedApiEndpoints())
        {
            if (!paths.TryGetProperty(route, out var path) || !path.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                missing.Add($"{method} {route}: not in the document");
            }
            else if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            {
                missing.Add($"{method} {route}: no summary");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
        Assert.DoesNotContain(paths.EnumerateObject(), p => !Documented(p.Name.TrimStart('/')));
    }

    [Fact]
    public async Task The_document_names_the_bearer_token_scheme()
    {
        using var document = await DocumentAsync();

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.RootElement.GetProperty("security")[0].TryGetProperty("bearer", out _));
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    // The REST API and the Unity Catalog endpoint; the app's own filter is not reused, so the test states the contract independently.
    private static bool Documented(string route) =>
        route.StartsWith("api/v1/", StringComparison.Ordinal) || route.StartsWith("api/2.1/unity-catalog/", StringComparison.Ordinal);

    /// <summary>Each (method, OpenAPI path) the app routes under /api/v1 and /api/2.1/unity-catalog, route constraints removed as OpenAPI writes them.</summary>
    private IEnumerable<(string Method, string Route)> MappedApiEndpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Documented(raw.TrimStart('/')))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + Constraint().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "{${name}}");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (method, route);
            }
        }
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
