using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Web.Identity;

/// <summary>
/// The signed-in user (or the bearer token's user): the request's principal over HTTP, the circuit's authentication state
/// in interactive components. In Single mode everyone is <c>NeuroLake:User</c>, with or without a request.
/// </summary>
public sealed class SignedInWorkbenchUser(IHttpContextAccessor http, AuthenticationStateProvider state, IOptions<NeuroLakeOptions> options, SignInMode mode)
    : IWorkbenchUser
{
    public string Name =>
        Principal()?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name
        : mode.IsSingle ? options.Value.User
        : throw new InvalidOperationException("No one is signed in here: the page or endpoint must require an authenticated user.");

    private ClaimsPrincipal? Principal()
    {
        if (http.HttpContext is { } context)
        {
            return context.User;
        }

        try
        {
            // A circuit's provider holds the state it was started with, so the task has already completed.
            return state.GetAuthenticationStateAsync().GetAwaiter().GetResult().User;
        }
        catch (InvalidOperationException)
        {
            return null; // neither a request nor a circuit: no state was ever set
        }
    }
}
