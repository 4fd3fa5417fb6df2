namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The user's theme choice lives in a cookie rather than local storage so the server's first render already
/// uses it (no flash of the wrong palette). Anything unrecognised means "follow the system".
/// </summary>
public static class ThemePreferenceCookie
{
    public const string Name = "neurolake-theme";

    public static ThemePreference Read(IRequestCookieCollection cookies) =>
        cookies.TryGetValue(Name, out var value) ? Parse(value) : ThemePreference.System;

    public static ThemePreference Parse(string? value) =>
        Enum.TryParse<ThemePreference>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : ThemePreference.System;
}
