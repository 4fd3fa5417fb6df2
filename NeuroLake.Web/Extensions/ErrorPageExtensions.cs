using NeuroLake.Web.Api;

namespace NeuroLake.Web.Extensions;

public static class ErrorPageExtensions
{
    /// <summary>RFC 7807 problem details for API errors (no exception details outside Development).</summary>
    public static IServiceCollection AddNeuroLakeErrorPages(this IServiceCollection services) => services.AddProblemDetails();

    /// <summary>
    /// Error and not-found pages. Only an environment named Development explicitly gets the developer exception page
    /// (stack traces and source paths, which the framework adds there itself); everywhere else an unhandled exception
    /// answers <c>/api</c> callers with a bare 500 problem and browsers with the Error page; an unknown <c>/api</c> path or method
    /// answers with a 404/405 problem, other paths with the not-found page. Plain HTTP on localhost:
    /// no HTTPS redirection or HSTS.
    /// </summary>
    public static WebApplication UseNeuroLakeErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
            app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/Error", createScopeForErrors: true));
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Inside the re-execute, which then sees a body and leaves the response alone.
        app.UseMiddleware<ApiNotFoundProblems>();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
