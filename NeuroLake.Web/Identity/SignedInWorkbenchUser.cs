using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace NeuroLake.Web.Identity;

/// <summary>
/// The signed-in user (or the token's user, or in Single mode <c>NeuroLake:User</c>): the request's principal over HTTP,
/// the circuit's authentication state in interactive components.
/// </summary>
public sealed class SignedInWorkbenchUser(IHttpContextAccessor http, AuthenticationStateProvider state) : IWorkbenchUser
{
    public string Name => Principal().Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
        ? name
        : throw new InvalidOperationException("No one is signed in here: the page or endpoint must require an authenticated user.");

    private ClaimsPrincipal Principal()
    {
        if (http.HttpContext is { } context)
        {
            return context.User;
        }

        // A circuit's provider holds the state it was started with, so the task has already completed.
        return state.GetAuthenticationStateAsync().GetAwaiter().GetResult().User;
    }
}
