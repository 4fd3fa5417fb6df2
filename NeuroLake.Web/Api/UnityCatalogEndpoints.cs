using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Api.UnityCatalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/2.1/unity-catalog</c>: the read side of the Unity Catalog OSS REST API (list and get catalogs, schemas and
/// tables, with columns and storage locations), so Spark, DuckDB and Trino find NeuroLake's Delta tables. Read-only,
/// no credential vending: engines read the storage locations directly. Callers authenticate like every <c>/api</c>
/// call (a personal access token as bearer) and see only what the workbench's pages would show them.
/// </summary>
public static class UnityCatalogEndpoints
{
    public const string Prefix = "/api/2.1/unity-catalog";

    public static IServiceCollection AddUnityCatalogApi(this IServiceCollection services) => services.AddSingleton<UnityCatalogReader>();

    public static IEndpointRouteBuilder MapUnityCatalogApi(this IEndpointRouteBuilder app)
    {
        var uc = app.MapGroup(Prefix).WithTags("Unity Catalog");
        uc.MapGet("/catalogs", (
                [FromQuery(Name = "max_results")] string? maxResults, [FromQuery(Name = "page_token")] string? pageToken,
                UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.ListCatalogsAsync(user.Name, UnityCatalogPage.Parse(maxResults, pageToken), ct)))
            .WithName("listCatalogs")
            .WithSummary("Lists the catalogs the caller may use (Unity Catalog's listCatalogs), by name, paged with max_results and page_token.");
        uc.MapGet("/catalogs/{name}", (string name, UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.GetCatalogAsync(user.Name, name, ct)))
            .WithName("getCatalog")
            .WithSummary("One catalog the caller may use; NOT_FOUND (404) when it does not exist or is hidden.");
        uc.MapGet("/schemas", (
                [FromQuery(Name = "catalog_name")] string? catalogName,
                [FromQuery(Name = "max_results")] string? maxResults, [FromQuery(Name = "page_token")] string? pageToken,
                UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.ListSchemasAsync(user.Name, catalogName, UnityCatalogPage.Parse(maxResults, pageToken), ct)))
            .WithName("listSchemas")
            .WithSummary("Lists the schemas of catalog_name the caller may use (Unity Catalog's listSchemas), paged.");
        uc.MapGet("/schemas/{full_name}", ([FromRoute(Name = "full_name")] string fullName, UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.GetSchemaAsync(user.Name, fullName, ct)))
            .WithName("getSchema")
            .WithSummary("One schema by catalog.schema; NOT_FOUND (404) when it does not exist or is hidden.");
        uc.MapGet("/tables", (
                [FromQuery(Name = "catalog_name")] string? catalogName, [FromQuery(Name = "schema_name")] string? schemaName,
                [FromQuery(Name = "max_results")] string? maxResults, [FromQuery(Name = "page_token")] string? pageToken,
                UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.ListTablesAsync(user.Name, catalogName, schemaName, UnityCatalogPage.Parse(maxResults, pageToken), ct)))
            .WithName("listTables")
            .WithSummary("Lists the Delta tables of catalog_name.schema_name the caller may SELECT, with columns and storage locations (Unity Catalog's listTables), paged.");
        uc.MapGet("/tables/{full_name}", ([FromRoute(Name = "full_name")] string fullName, UnityCatalogReader reader, IWorkbenchUser user, CancellationToken ct) =>
                Answer(() => reader.GetTableAsync(user.Name, fullName, ct)))
            .WithName("getTable")
            .WithSummary("One table by catalog.schema.table with its columns (type_name, type_text, type_json) and storage location; NOT_FOUND (404) when it does not exist or the caller may not SELECT it.");
        return app;
    }

    private static async Task<Results<Ok<T>, JsonHttpResult<UnityCatalogErrorJson>>> Answer<T>(Func<Task<T>> read)
    {
        try
        {
            return TypedResults.Ok(await read());
        }
        catch (UnityCatalogException e)
        {
            return Error(e.Status, e.ErrorCode, e.Message);
        }
        catch (NeuroLakeException e)
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_ARGUMENT", e.Message);
        }
    }

    private static JsonHttpResult<UnityCatalogErrorJson> Error(int status, string code, string message) =>
        TypedResults.Json(new UnityCatalogErrorJson(code, message), statusCode: status);
}
