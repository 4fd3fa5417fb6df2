using NeuroLake.Engine.Telemetry;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NeuroLake.Web.Extensions;

/// <summary>
/// OpenTelemetry for the web host: ASP.NET Core and HttpClient instrumentation plus the engine's own traces and
/// metrics (<see cref="EngineTelemetry"/>) and the Hangfire queue lengths (<see cref="JobQueueMetrics"/>), scraped by
/// Prometheus at <c>/metrics</c>; also exported over OTLP when <c>NeuroLake:Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Where the Prometheus text format is served.</summary>
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddNeuroLakeTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["NeuroLake:Telemetry:OtlpEndpoint"];
        var otlpEndpoint = string.IsNullOrWhiteSpace(otlp) ? null : ParseEndpoint(otlp);
        builder.Services.AddSingleton<JobQueueMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("neurolake"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(EngineTelemetry.Name, JobQueueMetrics.MeterName)
                    .AddPrometheusExporter();
                if (otlpEndpoint is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
                }
            })
            .WithTracing(tracing =>
            {
                // Traces leave the process only through OTLP; without an endpoint nothing records them.
                if (otlpEndpoint is null)
                {
                    return;
                }

                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddSource(EngineTelemetry.Name)
                    .AddOtlpExporter(o => o.Endpoint = otlpEndpoint);
            });
        return builder;
    }

    /// <summary>
    /// Maps <c>/metrics</c> for administrators (in Accounts mode a scraper uses an administrator's personal access
    /// token as its bearer token): series name tables and users' activity, which are not for everyone.
    /// </summary>
    public static WebApplication MapNeuroLakeMetrics(this WebApplication app)
    {
        // Creating the gauge's owner registers its callbacks before the first scrape.
        _ = app.Services.GetRequiredService<JobQueueMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(WorkbenchRoles.AdminPolicy);
        return app;
    }

    private static Uri ParseEndpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException(
                "NeuroLake:Telemetry:OtlpEndpoint is not an absolute http:// or https:// URL: give the collector's address, e.g. http://localhost:4317, or remove the setting.");
}
