using Microsoft.AspNetCore.Identity;

namespace NeuroLake.Web.Identity;

/// <summary>What a failed sign-in tells the person, without saying whether the user name exists.</summary>
public static class SignInMessages
{
    public const string LockedOut = "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an administrator to unlock it.";

    public const string NotAllowed = "This account is disabled. Ask an administrator to enable it.";

    public const string Wrong = "Wrong user name or password (or code). Check them and try again.";

    public static string For(SignInResult result) =>
        result.IsLockedOut ? LockedOut : result.IsNotAllowed ? NotAllowed : Wrong;
}
