using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace NeuroLake.Web.Identity;

/// <summary>Until the first administrator exists, in Accounts mode, every page that needs a signed-in user sends the browser to <c>/setup</c>.</summary>
internal static class SetupRedirect
{
    public const string SetupPath = "/setup";

    public static IApplicationBuilder UseSetupRedirect(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            var isProtectedPage = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null &&
                                  endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (isProtectedPage && !context.RequestServices.GetRequiredService<SignInMode>().IsSingle &&
                await context.RequestServices.GetRequiredService<FirstAdministrator>().IsNeededAsync(context.RequestAborted))
            {
                context.Response.Redirect(SetupPath);
                return;
            }

            await next(context);
        });
}
