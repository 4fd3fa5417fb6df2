using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NeuroLake.Web.Security;

namespace NeuroLake.Web.Extensions;

public static class SecurityExtensions
{
    /// <summary>Security headers, CORS (closed unless <c>NeuroLake:Security:CorsOrigins</c> lists origins), size limits and rate limits.</summary>
    public static IServiceCollection AddNeuroLakeSecurity(this IServiceCollection services)
    {
        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.SectionName);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddCors();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitOptions>>((rateLimiter, limits) => ApiRateLimits.Configure(rateLimiter, limits.Value));
        return services;
    }

    /// <summary>
    /// Runs before the endpoints: headers on every response, CORS for the configured origins, the per-user rate limit
    /// (after authentication, so it knows the user), body size limits, and the cross-site request guard on the API.
    /// </summary>
    public static WebApplication UseNeuroLakeSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        var origins = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.CorsOrigins;
        if (origins.Length > 0)
        {
            app.UseCors(cors => cors.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod());
        }

        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimits>();
        app.UseWhen(CrossSiteRequestGuard.Applies, api => api.UseMiddleware<CrossSiteRequestGuard>());
        return app;
    }
}
