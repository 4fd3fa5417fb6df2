using System.Text;
using System.Text.RegularExpressions;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Turns an error about a statement into text for its user: DuckDB's excerpt of the SQL it ran (NeuroLake's rewrite,
/// with <c>read_parquet</c> over file paths) becomes an excerpt of the user's own statement pointing at the name the
/// error is about, and no server folder appears anywhere in it.
/// </summary>
internal sealed partial class UserErrorText(IEnumerable<string> serverFolders)
{
    private readonly string[] _folders = serverFolders
        .Where(f => !string.IsNullOrEmpty(f) && !Storage.S3.S3Location.IsS3(f))
        .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))
        .OrderByDescending(f => f.Length)
        .ToArray();

    public string For(string message, SqlStatement statement)
    {
        var excerptAt = message.IndexOf("\nLINE ", StringComparison.Ordinal);
        var text = (excerptAt < 0 ? message : message[..excerptAt]).TrimEnd();
        if (excerptAt >= 0 && UserExcerpt(text, statement) is { } excerpt)
        {
            text += "\n\n" + excerpt;
        }

        return WithoutFolders(text);
    }

    /// <summary>The message with every server folder (and what follows it in the same path) replaced by its path relative to that folder.</summary>
    public string WithoutFolders(string message)
    {
        foreach (var folder in _folders)
        {
            message = message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
                .Replace(folder, "<server folder>", StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>The user's line holding the first name the message quotes, with a caret under it.</summary>
    private static string? UserExcerpt(string message, SqlStatement statement)
    {
        foreach (Match quoted in QuotedName().Matches(message))
        {
            var name = quoted.Groups[1].Value;
            foreach (var token in statement.Tokens)
            {
                if (token.IsIdentifier && string.Equals(token.Value, name, StringComparison.OrdinalIgnoreCase))
                {
                    return Excerpt(statement.Source, token.Span);
                }
            }
        }

        return null;
    }

    private static string Excerpt(string source, SourceSpan span)
    {
        var lineStart = span.Offset - (span.Column - 1);
        var lineEnd = source.IndexOfAny(['\n', '\r'], span.Offset);
        var line = source[lineStart..(lineEnd < 0 ? source.Length : lineEnd)];
        var prefix = $"LINE {span.Line}: ";
        return new StringBuilder(prefix).Append(line).Append('\n')
            .Append(' ', prefix.Length + span.Column - 1).Append('^').ToString();
    }

    [GeneratedRegex("\"([^\"]{1,128})\"")]
    private static partial Regex QuotedName();
}
