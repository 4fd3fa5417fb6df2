using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Governance;

/// <summary>What an administrator types to pick a securable: <c>metastore</c>, or a dotted catalog[.schema[.table]].</summary>
public static class SecurableInput
{
    public const string Metastore = "metastore";

    /// <exception cref="CatalogException">A part of the name is not an identifier.</exception>
    /// <exception cref="FormatException">Nothing was typed, or the name is a column's.</exception>
    public static Securable Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (string.Equals(trimmed, Metastore, StringComparison.OrdinalIgnoreCase))
        {
            return Securable.Metastore;
        }

        if (trimmed.Length == 0)
        {
            throw new FormatException("Type what to look at: 'metastore', or a catalog, schema or table as catalog[.schema[.table]], e.g. main.sales.");
        }

        var path = SecurablePath.Parse(trimmed);
        if (path.Column is not null)
        {
            throw new FormatException($"'{trimmed}' names a column: grants are on the metastore, a catalog, a schema or a table; drop the column part.");
        }

        return Securable.Of(path);
    }
}
