using System.Text;

namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// Turns a name an uploader chose into a safe file name: folders (<c>../</c>, <c>C:\</c>) are dropped and characters
/// other than letters, digits, <c>.</c>, <c>-</c> and <c>_</c> become <c>_</c>, so the name cannot leave the staging
/// folder, hide (leading dot) or confuse a shell. Extensions stay: users recognise their files by them in lineage.
/// </summary>
public static class StagingFileName
{
    public const int MaxLength = 200;

    /// <summary>The safe form of <paramref name="name"/>, or <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string Sanitize(string? name, string fallback = "upload")
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var ch in last.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_');
        }

        var text = clean.ToString().TrimStart('.', '_', '-').TrimEnd('.');
        if (text.Length > MaxLength)
        {
            var extension = Path.GetExtension(text);
            text = extension.Length < 20 ? text[..(MaxLength - extension.Length)] + extension : text[..MaxLength];
        }

        return text.Trim('_').Length == 0 ? fallback : text;
    }
}
