using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NeuroLake.Engine.Catalog.Registry;

/// <summary>
/// Safe substitution of <c>{{name}}</c> placeholders: identifiers are validated and quoted, values become literals of their
/// declared kind. Anything that does not fit its kind (a quote in a name, text for a number) is an error, not escaped away.
/// </summary>
public static partial class SqlTemplate
{
    [GeneratedRegex(@"\{\{\s*([^{}\s]*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Checks that every placeholder is declared, every variable is used, and names are valid identifiers.</summary>
    public static void Validate(string name, string sql, IReadOnlyList<TemplateVariable> variables)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            CatalogThrow.Invalid($"Template '{name}' has no SQL: give the statement with {{{{variable}}}} placeholders.");
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            Identifier.Require(variable.Name, $"Variable name in template '{name}'");
            if (!declared.Add(variable.Name))
            {
                CatalogThrow.Invalid($"Template '{name}' declares variable '{variable.Name}' twice: declare each once.");
            }
        }

        var used = Placeholder().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var placeholder in used.Where(p => !declared.Contains(p)))
        {
            CatalogThrow.Invalid($"Template '{name}' uses {{{{{placeholder}}}}} but declares no such variable: declare it or fix the placeholder.");
        }

        foreach (var unused in declared.Where(d => !used.Contains(d)))
        {
            CatalogThrow.Invalid($"Template '{name}' declares variable '{unused}' but never uses it: remove it or add {{{{{unused}}}}} to the SQL.");
        }
    }

    /// <summary>The SQL with every placeholder replaced; a missing, unknown or ill-typed value throws.</summary>
    public static string Render(string name, string sql, IReadOnlyList<TemplateVariable> variables, IReadOnlyDictionary<string, object?> values)
    {
        var byName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var unknown in values.Keys.Where(k => !byName.ContainsKey(k)))
        {
            CatalogThrow.Invalid($"Template '{name}' has no variable '{unknown}': its variables are {string.Join(", ", byName.Keys)}.");
        }

        foreach (var missing in byName.Keys.Where(k => !values.ContainsKey(k)))
        {
            CatalogThrow.Invalid($"Template '{name}' needs a value for '{missing}' ({byName[missing].Kind}).");
        }

        var rendered = byName.ToDictionary(v => v.Key, v => Literal(name, v.Value, values[v.Key]), StringComparer.Ordinal);
        return Placeholder().Replace(sql, m => rendered[m.Groups[1].Value]);
    }

    private static string Literal(string template, TemplateVariable variable, object? value)
    {
        string Fail(string expected) => throw new CatalogException(
            $"Value for '{variable.Name}' in template '{template}' is not {expected}: pass {expected}.");

        switch (variable.Kind)
        {
            case TemplateVariableKind.Identifier:
                return value is string name ? QuoteDotted(template, variable, name) : Fail("a name");
            case TemplateVariableKind.IdentifierList:
                var items = value switch
                {
                    string joined => joined.Split(',', StringSplitOptions.TrimEntries),
                    IEnumerable<string> list => list.ToArray(),
                    _ => null,
                };
                return items is { Length: > 0 } ? string.Join(", ", items.Select(i => QuoteDotted(template, variable, i))) : Fail("a list of names");
            case TemplateVariableKind.String:
                return value is string literal && !literal.Contains('\0') ? "'" + literal.Replace("'", "''") + "'" : Fail("text without NUL characters");
            case TemplateVariableKind.Integer:
                return value switch
                {
                    int or long or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    string digits when long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n.ToString(CultureInfo.InvariantCulture),
                    _ => Fail("a whole number"),
                };
            case TemplateVariableKind.Decimal:
                return value switch
                {
                    decimal or double or float or int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    string number when decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d.ToString(CultureInfo.InvariantCulture),
                    _ => Fail("a decimal number"),
                };
            default:
                return value switch
                {
                    bool b => b ? "TRUE" : "FALSE",
                    string flag when bool.TryParse(flag, out var b) => b ? "TRUE" : "FALSE",
                    _ => Fail("true or false"),
                };
        }
    }

    private static string QuoteDotted(string template, TemplateVariable variable, string text)
    {
        var parts = text.Split('.');
        if (parts.Length > 3 || parts.Any(p => !Identifier.IsValid(p)))
        {
            CatalogThrow.Invalid(
                $"Value '{text}' for '{variable.Name}' in template '{template}' is not a valid name: use letters, digits and underscores (optionally schema.table).");
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(builder.Length > 0 ? "." : "").Append('"').Append(part).Append('"');
        }

        return builder.ToString();
    }
}
