using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// A table named in a route as <c>catalog.schema.table</c> (the Unity Catalog endpoint's full name), each part an
/// identifier. The catalog and tables endpoints both find tables through it, so a table the caller may not SELECT is
/// one answer everywhere: 404, worded like a missing one.
/// </summary>
public static class TableRoute
{
    /// <summary>The three parts (each an identifier, checked as <see cref="TableName"/> checks its parts); throws <see cref="BadApiRequestException"/> saying how to write the name.</summary>
    public static (string Catalog, string Schema, string Table) Parse(string fullName) =>
        fullName.Split('.') is [var c, var s, var t] && TableName.TryCreate(s, t) is not null && TableName.TryCreate(c, c) is not null
            ? (c, s, t)
            : throw new BadApiRequestException(
                $"'{fullName}' is not a table name: write it as catalog.schema.table, e.g. main.sales.orders (each part letters, digits and underscores, not starting with a digit).");

    /// <summary>The registered table the caller may SELECT, or null (missing or hidden: the caller answers 404 for both).</summary>
    public static async Task<TableInfo?> FindAsync(VisibleSecurables securables, string user, string fullName, CancellationToken ct)
    {
        var (catalog, schema, table) = Parse(fullName);
        return await securables.TableAsync(user, catalog, schema, table, ct);
    }

    public static IResult NotFound(string fullName) =>
        ApiProblems.NotFound($"There is no table {fullName}, or you may not read it. List what you may read with GET /api/v1/catalog/catalogs/{{catalog}}/schemas/{{schema}}/tables.");
}
