using System.Text;

namespace NeuroLake.Engine.Tables.Actions;

/// <summary>
/// Paths in add/remove actions are URIs (RFC 2396): relative to the table root or absolute. These helpers turn a
/// relative file key into its URI form and back.
/// </summary>
internal static class FilePaths
{
    /// <summary>Escapes characters a URI path cannot hold (space, '%', quotes, non-ASCII ...) as UTF-8 %XX.</summary>
    public static string ToUri(string relativeKey)
    {
        var builder = new StringBuilder(relativeKey.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(relativeKey))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()/,;:$&+=@".Contains(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The key of a file below the table root for a path from the log; absolute <c>file:</c> URIs inside the root
    /// are accepted, anything else (other schemes, paths outside the table) is refused.
    /// </summary>
    public static string ToKey(string uriPath, string? localRoot)
    {
        if (uriPath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // file:/a/b and file:///a/b both name the local path /a/b.
            var local = "/" + Uri.UnescapeDataString(uriPath["file:".Length..].TrimStart('/'));
            if (localRoot is not null && local.StartsWith(localRoot.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                return local[(localRoot.TrimEnd('/').Length + 1)..];
            }

            throw new NotSupportedException($"The data file '{uriPath}' lies outside the table folder; NeuroLake reads only files inside the table.");
        }

        if (uriPath.Contains("://", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"The data file '{uriPath}' uses a URI scheme NeuroLake cannot read yet.");
        }

        return Uri.UnescapeDataString(uriPath);
    }

    /// <summary>Hive-style escaping of a partition value for a folder name (as Spark does); null becomes the Hive default.</summary>
    public static string EscapePartitionValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "__HIVE_DEFAULT_PARTITION__";
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".Contains(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
