using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NeuroLake.Web.Security;
using Scalar.AspNetCore;

namespace NeuroLake.Web.Extensions;

/// <summary>
/// The OpenAPI document of the REST API at <c>/openapi/v1.json</c>, generated from the endpoints (their names,
/// summaries, tags and types), with the personal-access-token bearer scheme every <c>/api/v1</c> call may use.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The API reference (Scalar) reading <see cref="DocumentPath"/>.</summary>
    public const string ReferencePath = "/api/docs";

    private const string BearerScheme = "bearer";

    public static IServiceCollection AddNeuroLakeOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // Only the REST API and the Unity Catalog endpoint: pages, the Hangfire dashboard, health and metrics are not part of the contract.
            options.ShouldInclude = description => IsDocumented(description.RelativePath);
            options.AddDocumentTransformer(DescribeAsync);
        });

    /// <summary>
    /// Maps the document and its reference page for anyone signed in (or holding a token): they list what exists, not
    /// data. The page loads Scalar's bundle from this server (no CDN fonts, no telemetry, no agent) and tags its
    /// scripts with the request's CSP nonce, so it runs under the workbench's Content-Security-Policy unchanged.
    /// </summary>
    public static WebApplication MapNeuroLakeOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(ReferencePath, (options, context) =>
        {
            options.WithTitle("NeuroLake REST API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
            options.Nonce = CspNonce.Of(context);
        });
        return app;
    }

    /// <summary>Whether a route (relative, no leading slash) belongs in the document: <c>/api/v1</c> and <c>/api/2.1/unity-catalog</c>.</summary>
    public static bool IsDocumented(string? relativePath) =>
        relativePath is not null
        && (relativePath.StartsWith("api/v1/", StringComparison.Ordinal) || relativePath.StartsWith("api/2.1/unity-catalog/", StringComparison.Ordinal));

    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "NeuroLake REST API",
            Version = "v1",
            Description = "SQL, ingestion, uploads, jobs, pipelines and audit of a NeuroLake workbench, and a read-only Unity Catalog " +
                          "endpoint (/api/2.1/unity-catalog) where external engines find its tables. Scripts authenticate with a " +
                          "personal access token (Account → Tokens) as `Authorization: Bearer <token>`; errors are RFC 7807 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token, created under Account → Tokens. In single-user mode no token is needed.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        return Task.CompletedTask;
    }
}
