using Microsoft.AspNetCore.Diagnostics;

namespace NeuroLake.Web.Identity;

/// <summary>A bare 401/403 for an API caller, left as it is (not re-executed as the HTML not-found page).</summary>
internal static class ApiRefusal
{
    public static void Write(HttpContext context, int status)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        context.Response.StatusCode = status;
    }
}
