using System.Globalization;

namespace NeuroLake.Web.Security;

/// <summary>Byte counts as people read them in limit messages: "3.2 GB", "512 KB".</summary>
internal static class ByteText
{
    private static readonly string[] Units = ["bytes", "KB", "MB", "GB", "TB"];

    public static string Of(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value, 1)} {Units[unit]}");
    }
}
