using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// The tables SQL names reach (<c>schema.table</c> in the query service's catalog), with their columns, as one user
/// may see them (<see cref="VisibleTables"/>).
/// </summary>
public sealed class CatalogTables(CatalogStore catalog, VisibleTables visible)
{
    /// <summary>The catalog the query service resolves names in (its default; the web app does not change it).</summary>
    public static string QueryCatalog { get; } = new QueryServiceOptions().Catalog;

    /// <summary>
    /// Every table of every schema that <paramref name="user"/> may SELECT, schemas and tables by name; empty before the
    /// first query created the catalog.
    /// </summary>
    public async Task<IReadOnlyList<TableInfo>> ListAsync(string user, CancellationToken ct = default) =>
        (await ListingAsync(user, ct)).Visible;

    /// <summary>
    /// The tables <paramref name="user"/> may SELECT, and whether the lakehouse holds any table at all, so a page can
    /// tell "nothing loaded yet" from "nothing shared with you" without naming or counting what is hidden.
    /// </summary>
    public async Task<TableListing> ListingAsync(string user, CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        return new TableListing(await visible.FilterAsync(user, all, t => t.Path, ct), all.Count > 0);
    }

    private async Task<IReadOnlyList<TableInfo>> AllAsync(CancellationToken ct)
    {
        if (!await QueryCatalogExistsAsync(ct))
        {
            return [];
        }

        var tables = new List<TableInfo>();
        foreach (var schema in await catalog.ListSchemasAsync(QueryCatalog, ct))
        {
            foreach (var path in await catalog.ListTablesAsync(QueryCatalog, schema.Schema!, ct))
            {
                if (await catalog.FindTableAsync(path, ct) is { } table)
                {
                    tables.Add(table);
                }
            }
        }

        return tables;
    }

    /// <summary>
    /// Names for the editor's autocomplete in CodeMirror's schema shape: <c>{"schema": {"table": ["column", …]}}</c>.
    /// Schemas <paramref name="user"/> may use are listed even without tables, so they complete after <c>CREATE TABLE</c>;
    /// tables only when the user may SELECT them.
    /// </summary>
    public async Task<Dictionary<string, Dictionary<string, string[]>>> CompletionsAsync(string user, CancellationToken ct = default)
    {
        var names = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal);
        if (!await QueryCatalogExistsAsync(ct))
        {
            return names;
        }

        var schemas = (await catalog.ListSchemasAsync(QueryCatalog, ct)).Select(s => s.Schema!);
        foreach (var schema in await visible.SchemasAsync(user, QueryCatalog, schemas, ct))
        {
            names[schema] = [];
        }

        foreach (var table in await ListAsync(user, ct))
        {
            (names.TryGetValue(table.Path.Schema!, out var tables) ? tables : names[table.Path.Schema!] = [])[table.Path.Table!] = table.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToArray();
        }

        return names;
    }

    // The query service creates its catalog on first use; before that there is nothing to list.
    private async Task<bool> QueryCatalogExistsAsync(CancellationToken ct) =>
        (await catalog.ListCatalogsAsync(ct)).Any(c => string.Equals(c.Catalog, QueryCatalog, StringComparison.OrdinalIgnoreCase));
}
