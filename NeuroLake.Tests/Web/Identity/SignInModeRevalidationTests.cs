using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Identity;

/// <summary>Open pages lose the single user's identity once sign-in is turned on; signed-in users keep theirs.</summary>
public sealed class SignInModeRevalidationTests
{
    private static readonly ClaimsPrincipal SingleUser = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "grace")], SingleUserAuthenticationHandler.SchemeName));
    private static readonly ClaimsPrincipal SignedIn = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "Identity.Application"));

    [Fact]
    public void The_single_user_identity_is_ended_when_sign_in_is_on_and_a_signed_in_one_is_kept()
    {
        Assert.False(SignInModeRevalidation.IsValid(SingleUser, singleMode: false));
        Assert.True(SignInModeRevalidation.IsValid(SignedIn, singleMode: false));
        Assert.True(SignInModeRevalidation.IsValid(SingleUser, singleMode: true));
        Assert.True(SignInModeRevalidation.IsValid(SignedIn, singleMode: true));
    }

    [Fact]
    public async Task Circuits_of_the_workbench_use_the_revalidating_provider()
    {
        await using var app = new WorkbenchAppFactory();
        await using var scope = app.Services.CreateAsyncScope();

        Assert.IsType<SignInModeRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }
}
