using System.Text.RegularExpressions;
using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Catalog;

/// <summary>A table of the query service's catalog named by schema and table, as it appears in the URL and in SQL.</summary>
public sealed partial record TableName(string Schema, string Table)
{
    /// <summary>The query service's catalog: <c>schema.table</c> in SQL resolves there.</summary>
    public static string Catalog => CatalogTables.QueryCatalog;

    public SecurablePath Path => SecurablePath.ForTable(Catalog, Schema, Table);

    /// <summary>Both parts quoted for SQL: <c>"schema"."table"</c>.</summary>
    public string Sql => Quote(Schema) + "." + Quote(Table);

    public override string ToString() => Schema + "." + Table;

    /// <summary>The name, or null when a part is not an identifier (letters, digits, underscores; not starting with a digit).</summary>
    public static TableName? TryCreate(string? schema, string? table) =>
        IsIdentifier(schema) && IsIdentifier(table) ? new TableName(schema!, table!) : null;

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static bool IsIdentifier(string? name) => name is { Length: > 0 and <= 128 } && IdentifierPattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
