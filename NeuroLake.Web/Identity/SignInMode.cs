using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Whether people sign in, as it is now: configuration gives the first value, an administrator may switch it on
/// Admin → Settings (<see cref="SignInModeSwitch"/>), so authentication, pages and the API ask on every request.
/// </summary>
public sealed class SignInMode(SettingsStore settings)
{
    public AuthMode Current => settings.Current.AuthMode;

    /// <summary>No sign-in: everyone who reaches the port is the configured user, an administrator.</summary>
    public bool IsSingle => Current == AuthMode.Single;
}
