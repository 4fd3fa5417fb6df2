namespace NeuroLake.Engine.Catalog.Integration;

/// <summary>One spelling per table location, so a folder written as <c>a/b/</c> or <c>a\b</c> matches the registered <c>a/b</c>.</summary>
internal static class TableLocation
{
    /// <summary>Local paths compare case-insensitively where the file system does.</summary>
    public static StringComparison Comparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static string Normalize(string location)
    {
        var full = location.Contains("://", StringComparison.Ordinal) ? location : Path.GetFullPath(location);
        full = full.Replace('\\', '/');
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }

    /// <summary>True for a folder on this machine (discovery and drift checks open those).</summary>
    public static bool IsLocal(string location) => !location.Contains("://", StringComparison.Ordinal);
}
