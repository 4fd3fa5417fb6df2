using System.Text;

namespace NeuroLake.Web.Uploads;

/// <summary>Turns a browser-supplied file name into one safe to create inside the staging folder.</summary>
public static class UploadFileName
{
    private const int MaxLength = 120;

    /// <summary>
    /// Keeps the last path segment and only letters, digits, '.', '-', '_' and spaces (others become '_'); a name that is
    /// empty, only dots, or longer than 120 characters is replaced or shortened, keeping its extension.
    /// </summary>
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Trim())
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }

        var text = clean.ToString().Trim(' ', '.');
        if (text.Length == 0)
        {
            return "upload";
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var extension = Path.GetExtension(text);
        extension = extension.Length is > 0 and <= 16 ? extension : "";
        return text[..(MaxLength - extension.Length)] + extension;
    }
}
