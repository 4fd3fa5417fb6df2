using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Catalog;

/// <summary>Names of catalogs, schemas, tables, columns and template variables: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
internal static partial class Identifier
{
    public const int MaxLength = 128;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    public static string Require(string? name, string what)
    {
        if (!IsValid(name))
        {
            CatalogThrow.Invalid(
                $"{what} '{name}' is not a valid identifier: use letters, digits and underscores, starting with a letter or underscore, at most {MaxLength} characters.");
        }

        return name!;
    }
}
