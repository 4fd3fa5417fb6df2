using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>
/// The catalog as one user may see it through the Unity Catalog endpoint, with the workbench's rules: catalogs they
/// may USE, schemas they may USE (as SHOW SCHEMAS lists them), tables they may SELECT (<see cref="VisibleTables"/>).
/// Whatever they may not see answers NOT_FOUND, exactly like what does not exist. Names match ignoring case, as SQL's do.
/// </summary>
internal sealed class UnityCatalogReader(CatalogStore catalog, VisibleTables visible, PrivilegeEvaluator privileges, WarehouseLayout layout)
{
    public async Task<UnityCatalogCatalogListJson> ListCatalogsAsync(string user, UnityCatalogPage page, CancellationToken ct)
    {
        var (items, next) = page.Of(await CatalogsAsync(user, ct), c => c.Path.Catalog);
        return new(items.Select(UnityCatalogDescriptions.Catalog).ToList(), next);
    }

    public async Task<UnityCatalogCatalogJson> GetCatalogAsync(string user, string name, CancellationToken ct) =>
        UnityCatalogDescriptions.Catalog(await CatalogAsync(user, name, ct));

    public async Task<UnityCatalogSchemaListJson> ListSchemasAsync(string user, string? catalogName, UnityCatalogPage page, CancellationToken ct)
    {
        var parent = await CatalogAsync(user, Required(catalogName, "catalog_name"), ct);
        var (items, next) = page.Of(await SchemasAsync(user, parent.Path.Catalog, ct), s => s.Path.Schema!);
        return new(items.Select(UnityCatalogDescriptions.Schema).ToList(), next);
    }

    public async Task<UnityCatalogSchemaJson> GetSchemaAsync(string user, string fullName, CancellationToken ct)
    {
        var (catalogName, schemaName) = Split(fullName, 2) is [var c, var s] ? (c, s) : throw NotDotted(fullName, "catalog.schema");
        return UnityCatalogDescriptions.Schema(await SchemaAsync(user, catalogName, schemaName, ct));
    }

    public async Task<UnityCatalogTableListJson> ListTablesAsync(string user, string? catalogName, string? schemaName, UnityCatalogPage page, CancellationToken ct)
    {
        var schema = await SchemaAsync(user, Required(catalogName, "catalog_name"), Required(schemaName, "schema_name"), ct);
        var names = await catalog.ListTablesAsync(schema.Path.Catalog, schema.Path.Schema!, ct);
        var (items, next) = page.Of(await visible.FilterAsync(user, names, t => t, ct), t => t.Table!);
        var tables = await catalog.FindTablesAsync(schema.Path.Catalog, items.Select(t => (t.Schema!, t.Table!)).ToList(), ct);
        return new(items.Where(t => tables.ContainsKey((t.Schema!, t.Table!))).Select(t => Describe(tables[(t.Schema!, t.Table!)])).ToList(), next);
    }

    public async Task<UnityCatalogTableJson> GetTableAsync(string user, string fullName, CancellationToken ct)
    {
        var (catalogName, schemaName, tableName) = Split(fullName, 3) is [var c, var s, var t] ? (c, s, t) : throw NotDotted(fullName, "catalog.schema.table");
        var schema = await SchemaAsync(user, catalogName, schemaName, ct);
        var path = (await catalog.ListTablesAsync(schema.Path.Catalog, schema.Path.Schema!, ct))
            .FirstOrDefault(p => string.Equals(p.Table, tableName, StringComparison.OrdinalIgnoreCase));
        if (path is null || !await visible.CanSelectAsync(user, path, ct) || await catalog.FindTableAsync(path, ct) is not { } table)
        {
            throw UnityCatalogException.NotFound("Table", fullName);
        }

        return Describe(table);
    }

    private UnityCatalogTableJson Describe(TableInfo table) =>
        UnityCatalogDescriptions.Table(table, managed: layout.NameOf(table.Location, out _) == table.Path.TablePath);

    private async Task<List<SecurableInfo>> CatalogsAsync(string user, CancellationToken ct)
    {
        var usable = new List<SecurableInfo>();
        foreach (var c in await catalog.DescribeCatalogsAsync(ct))
        {
            if (await privileges.HasAsync(user, new Securable(c.Path), Privilege.UseCatalog, ct))
            {
                usable.Add(c);
            }
        }

        return usable;
    }

    private async Task<SecurableInfo> CatalogAsync(string user, string name, CancellationToken ct) =>
        (await CatalogsAsync(user, ct)).FirstOrDefault(c => string.Equals(c.Path.Catalog, name, StringComparison.OrdinalIgnoreCase))
        ?? throw UnityCatalogException.NotFound("Catalog", name);

    private async Task<IReadOnlyList<SecurableInfo>> SchemasAsync(string user, string catalogName, CancellationToken ct)
    {
        var schemas = await catalog.DescribeSchemasAsync(catalogName, ct);
        var usable = (await visible.SchemasAsync(user, catalogName, schemas.Select(s => s.Path.Schema!), ct)).ToHashSet(StringComparer.Ordinal);
        return schemas.Where(s => usable.Contains(s.Path.Schema!)).ToList();
    }

    private async Task<SecurableInfo> SchemaAsync(string user, string catalogName, string schemaName, CancellationToken ct)
    {
        var parent = await CatalogAsync(user, catalogName, ct);
        return (await SchemasAsync(user, parent.Path.Catalog, ct)).FirstOrDefault(s => string.Equals(s.Path.Schema, schemaName, StringComparison.OrdinalIgnoreCase))
            ?? throw UnityCatalogException.NotFound("Schema", $"{catalogName}.{schemaName}");
    }

    private static string Required(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw UnityCatalogException.InvalidArgument($"{parameter} is required: add ?{parameter}=… to the request.") : value;

    private static string[] Split(string fullName, int parts) =>
        fullName.Split('.') is { } split && split.Length == parts && split.All(p => p.Length > 0) ? split : [];

    private static UnityCatalogException NotDotted(string fullName, string form) =>
        UnityCatalogException.InvalidArgument($"'{fullName}' is not a full name: write it as {form}.");
}
