using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>IPv4 (dotted quad, no leading zeros), IPv6 (any RFC 4291 form) and MAC addresses.</summary>
internal static partial class NetworkAddress
{
    public static bool IsIPv4(string value)
    {
        var parts = value.Trim().Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.Parse(p) <= 255);
    }

    /// <summary>
    /// An IPv4 address with an octet above 31: real addresses nearly always have one, while version
    /// strings (1.2.3.4, 10.0.1.2) seldom do. Used when the column name does not say IP.
    /// </summary>
    public static bool IsAddressLikeIPv4(string value) =>
        IsIPv4(value) && value.Trim().Split('.').Any(p => int.Parse(p) > 31);

    public static bool IsIPv6(string value)
    {
        var v = value.Trim();
        return v.Contains(':') && Ipv6Characters().IsMatch(v) &&
               IPAddress.TryParse(v, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    public static bool IsMac(string value) => Mac().IsMatch(value.Trim());

    /// <summary>Twelve hex digits with no separators: a MAC only when the name or the column's other values say so (else any hex id).</summary>
    public static bool IsBareMac(string value) => BareMac().IsMatch(value.Trim());

    [GeneratedRegex(@"^[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?$")]
    private static partial Regex Ipv6Characters();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\2[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})$")]
    private static partial Regex Mac();

    [GeneratedRegex(@"^[0-9A-Fa-f]{12}$")]
    private static partial Regex BareMac();
}
