using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>
/// Geographic coordinates: a latitude (±90) or longitude (±180) written with at least two decimals (whole degrees
/// are regions, not places), a WKT POINT(lon lat), or a "lat,lon" pair with at least three decimals each.
/// </summary>
internal static partial class Coordinate
{
    public static bool IsLatitude(string value) => Degrees(value, 90, minDecimals: 2);

    public static bool IsLongitude(string value) => Degrees(value, 180, minDecimals: 2);

    public static bool IsPoint(string value)
    {
        var v = value.Trim();
        var wkt = WktPoint().Match(v);
        if (wkt.Success)
        {
            return Degrees(wkt.Groups[1].Value, 180, 2) && Degrees(wkt.Groups[2].Value, 90, 2);
        }
        var pair = LatLonPair().Match(v);
        return pair.Success && Degrees(pair.Groups[1].Value, 90, 3) && Degrees(pair.Groups[2].Value, 180, 3);
    }

    private static bool Degrees(string value, double limit, int minDecimals)
    {
        var v = value.Trim();
        var dot = v.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && v.Length - dot - 1 >= minDecimals && !v.Contains('e', StringComparison.OrdinalIgnoreCase) &&
            double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees) &&
            Math.Abs(degrees) <= limit;
    }

    [GeneratedRegex(@"^POINT\s*\(\s*([-+]?\d+\.\d+)\s+([-+]?\d+\.\d+)\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex WktPoint();

    [GeneratedRegex(@"^\(?\s*([-+]?\d{1,2}\.\d+)\s*[,;]\s*([-+]?\d{1,3}\.\d+)\s*\)?$")]
    private static partial Regex LatLonPair();
}
