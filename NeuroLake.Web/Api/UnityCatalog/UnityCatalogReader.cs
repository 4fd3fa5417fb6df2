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
internal sealed class UnityCatalogReader(CatalogStore catalog, VisibleTables visible, VisibleSecurables securables, WarehouseLayout layout)
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
        _ = await SchemaAsync(user, catalogName, schemaName, ct);
        return Describe(await securables.TableAsync(user, catalogName, schemaName, tableName, ct) ?? throw UnityCatalogException.NotFound("Table", fullName));
    }

    private UnityCatalogTableJson Describe(TableInfo table) =>
        UnityCatalogDescriptions.Table(table, managed: layout.NameOf(table.Location, out _) == table.Path.TablePath);

    private Task<IReadOnlyList<SecurableInfo>> CatalogsAsync(string user, CancellationToken ct) => securables.CatalogsAsync(user, ct);

    private async Task<SecurableInfo> CatalogAsync(string user, string name, CancellationToken ct) =>
        await securables.CatalogAsync(user, name, ct) ?? throw UnityCatalogException.NotFound("Catalog", name);

    private Task<IReadOnlyList<SecurableInfo>> SchemasAsync(string user, string catalogName, CancellationToken ct) => securables.SchemasAsync(user, catalogName, ct);

    private async Task<SecurableInfo> SchemaAsync(string user, string catalogName, string schemaName, CancellationToken ct)
    {
        _ = await CatalogAsync(user, catalogName, ct);
        return await securables.SchemaAsync(user, catalogName, schemaName, ct) ?? throw UnityCatalogException.NotFound("Schema", $"{catalogName}.{schemaName}");
    }

    private static string Required(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw UnityCatalogException.InvalidArgument($"{parameter} is required: add ?{parameter}=… to the request.") : value;

    private static string[] Split(string fullName, int parts) =>
        fullName.Split('.') is { } split && split.Length == parts && split.All(p => p.Length > 0) ? split : [];

    private static UnityCatalogException NotDotted(string fullName, string form) =>
        UnityCatalogException.InvalidArgument($"'{fullName}' is not a full name: write it as {form}.");
}
