using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// NeuroLake's rule for schema and table names (<c>[A-Za-z_][A-Za-z0-9_]*</c>) and quoting for DuckDB.
/// </summary>
internal static partial class SqlIdentifier
{
    public const int MaxLength = 128;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    /// <summary>Throws unless <paramref name="name"/> follows the rule; <paramref name="what"/> says what it names ("schema", "table").</summary>
    /// <exception cref="InvalidIdentifierException"/>
    public static string Validate(string? name, string what, SourceSpan? span = null)
    {
        if (!IsValid(name))
        {
            throw new InvalidIdentifierException(name, what, span);
        }

        return name!;
    }

    /// <summary>Quotes <paramref name="name"/> for DuckDB: "name", with each " inside doubled.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes each part and joins them with dots: "schema"."table".</summary>
    public static string Quote(IEnumerable<string> parts) => string.Join('.', parts.Select(Quote));
}
