using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Engine.Governance;

namespace NeuroLake.Web.Catalog;

/// <summary>
/// The one place the workbench decides which tables a user's pages may show: a table appears (tree, search, Home,
/// lineage, impact, related tables, autocomplete) and its page opens only when the user may SELECT it, so a page never
/// lists a table whose rows its user could not read. Schemas are listed as SHOW SCHEMAS lists them (USE CATALOG and
/// USE SCHEMA): a schema's name reveals no table. The engine's <see cref="PrivilegeEvaluator"/> decides; in Single
/// mode it allows everything, so nothing is filtered.
/// </summary>
public sealed class VisibleTables(PrivilegeEvaluator privileges)
{
    /// <summary>Whether <paramref name="user"/> may open <paramref name="table"/>'s page (SELECT on it).</summary>
    public Task<bool> CanSelectAsync(string user, SecurablePath table, CancellationToken ct = default) =>
        privileges.CanSelectAsync(user, table.TablePath, ct);

    /// <summary>The items whose table <paramref name="user"/> may SELECT, in the given order.</summary>
    public async Task<IReadOnlyList<T>> FilterAsync<T>(string user, IEnumerable<T> items, Func<T, SecurablePath> tableOf, CancellationToken ct = default)
    {
        var list = items.ToList();
        var selectable = await SelectableAsync(user, list.Select(tableOf), ct);
        return list.Where(i => selectable.Contains(tableOf(i).TablePath)).ToList();
    }

    /// <summary>Which of <paramref name="tables"/> <paramref name="user"/> may SELECT.</summary>
    public async Task<IReadOnlySet<SecurablePath>> SelectableAsync(string user, IEnumerable<SecurablePath> tables, CancellationToken ct = default)
    {
        var paths = tables.Select(t => t.TablePath).Distinct().ToList();
        return paths.Count == 0 ? new HashSet<SecurablePath>() : (await privileges.FilterSelectableAsync(user, paths, ct)).ToHashSet();
    }

    /// <summary>The schemas of <paramref name="catalog"/> among <paramref name="schemas"/> that <paramref name="user"/> may use, in the given order.</summary>
    public async Task<IReadOnlyList<string>> SchemasAsync(string user, string catalog, IEnumerable<string> schemas, CancellationToken ct = default)
    {
        var paths = schemas.Select(s => new SecurablePath(catalog, s)).ToList();
        return paths.Count == 0 ? [] : (await privileges.FilterVisibleAsync(user, paths, ct)).Select(p => p.Schema!).ToList();
    }

    /// <summary>
    /// The search hits <paramref name="user"/> may see, in rank order: tables and columns of tables they may SELECT,
    /// schemas they may use; catalogs as they are.
    /// </summary>
    public async Task<IReadOnlyList<CatalogSearchHit>> SearchHitsAsync(string user, IReadOnlyList<CatalogSearchHit> hits, CancellationToken ct = default)
    {
        var paths = hits.ToDictionary(h => h, h => PathOf(h));
        var tables = await SelectableAsync(user, paths.Values.Where(p => p.Table is not null), ct);
        var schemas = paths.Values.Where(p => p is { Schema: not null, Table: null }).ToList();
        var usable = schemas.Count == 0 ? [] : (await privileges.FilterVisibleAsync(user, schemas.Distinct(), ct)).ToHashSet();
        return hits.Where(h => paths[h] switch
        {
            { Table: not null } table => tables.Contains(table.TablePath),
            { Schema: not null } schema => usable.Contains(schema),
            _ => true,
        }).ToList();
    }

    /// <summary>
    /// The recommendations of tables <paramref name="user"/> may SELECT, in order; a reason naming a third table they
    /// may not ("both are derived from …") says so without the name.
    /// </summary>
    public async Task<IReadOnlyList<TableRecommendation>> RecommendationsAsync(string user, IReadOnlyList<TableRecommendation> related, CancellationToken ct = default)
    {
        var named = related.SelectMany(r => r.Reasons).Select(NamedIn).OfType<SecurablePath>();
        var selectable = await SelectableAsync(user, related.Select(r => r.Table).Concat(named), ct);
        return related.Where(r => selectable.Contains(r.Table.TablePath))
            .Select(r => r with
            {
                Reasons = r.Reasons.Select(reason => NamedIn(reason) is { } other && !selectable.Contains(other) ? DerivedFrom + "a table you may not read" : reason).ToList(),
            })
            .ToList();
    }

    // TableRecommender's one reason that names another table.
    private const string DerivedFrom = "lineage: both are derived from ";

    private static SecurablePath? NamedIn(string reason) =>
        reason.StartsWith(DerivedFrom, StringComparison.Ordinal) && reason[DerivedFrom.Length..].Split('.') is [var c, var s, var t]
            ? new SecurablePath(c, s, t)
            : null;

    private static SecurablePath PathOf(CatalogSearchHit hit)
    {
        var parts = hit.QualifiedName.Split('.');
        return hit.Kind == SecurableKind.Catalog || parts.Length < 2
            ? new SecurablePath(parts[0])
            : new SecurablePath(parts[0], parts[1], parts.ElementAtOrDefault(2));
    }
}
