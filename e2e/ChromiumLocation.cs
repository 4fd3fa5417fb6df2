namespace NeuroLake.E2E;

/// <summary>Debian's Chromium (Playwright cannot download browsers here); override with NEUROLAKE_TEST_CHROMIUM.</summary>
internal static class ChromiumLocation
{
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("NEUROLAKE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium was not found at {ExecutablePath}. Install it (apt-get install -y chromium) or set NEUROLAKE_TEST_CHROMIUM to its path.";
}
