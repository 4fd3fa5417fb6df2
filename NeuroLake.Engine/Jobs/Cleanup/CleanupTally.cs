using System.Globalization;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>What a cleanup removed: how many entries and how many bytes they held.</summary>
public readonly record struct CleanupTally(int Count, long Bytes)
{
    public static CleanupTally operator +(CleanupTally a, CleanupTally b) => new(a.Count + b.Count, a.Bytes + b.Bytes);

    /// <summary>"Removed 3 uploads (12 MB)": <paramref name="singular"/> for one, else <paramref name="plural"/> (default: an added <c>s</c>).</summary>
    public string Describe(string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"Removed {Count:N0} {(Count == 1 ? singular : plural ?? singular + "s")} ({Size(Bytes)})");

    /// <summary>Bytes as people read them: 0 B, 980 B, 12 KB, 3.4 MB, 1.2 GB (powers of 1,000, like file managers).</summary>
    public static string Size(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        var format = unit == 0 || value >= 10 ? "0" : "0.#";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
