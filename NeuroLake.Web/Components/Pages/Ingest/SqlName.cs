using System.Text.RegularExpressions;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Catalog identifiers as the engine accepts them (<c>[A-Za-z_][A-Za-z0-9_]*</c>, at most 128 characters), and their quoting.</summary>
public static partial class SqlName
{
    public static bool IsValid(string? name) => name is { Length: > 0 and <= 128 } && Pattern().IsMatch(name);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
