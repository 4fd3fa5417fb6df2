using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Web.Api.Storage;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>GET /api/v1/storage</c>: bytes and files per table, from the catalog, for the tables the caller may SELECT (a
/// hidden table is neither listed nor counted in the totals). No locations: only whether a table is on local disk or S3.
/// There is no tiering yet, so there is no per-tier breakdown.
/// </summary>
public static class StorageEndpoints
{
    public static IEndpointRouteBuilder MapStorageApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/storage").WithTags("Storage").WithApiProblems()
            .MapGet("/", ListAsync)
            .WithName("GetStorage")
            .WithSummary("Bytes and files of each table you may read at its current version (largest first), their totals, and the warehouse's store kind.")
            .Produces<StorageJson>();
        return app;
    }

    private static async Task<IResult> ListAsync(CatalogStore catalog, VisibleTables visible, IWorkbenchUser user, IOptions<NeuroLakeOptions> options, CancellationToken ct)
    {
        var tables = new List<StorageTableJson>();
        foreach (var catalogPath in await catalog.ListCatalogsAsync(ct))
        {
            var paths = new List<SecurablePath>();
            foreach (var schema in await catalog.ListSchemasAsync(catalogPath.Catalog, ct))
            {
                paths.AddRange(await catalog.ListTablesAsync(catalogPath.Catalog, schema.Schema!, ct));
            }

            var readable = await visible.SelectableAsync(user.Name, paths, ct);
            var found = await catalog.FindTablesAsync(catalogPath.Catalog, readable.Select(p => (p.Schema!, p.Table!)).ToList(), ct);
            tables.AddRange(found.Values.Select(t => new StorageTableJson(
                t.Path.ToString(), t.SizeBytes, t.FileCount, t.CurrentVersion, S3Location.IsS3(t.Location) ? "s3" : "local")));
        }

        var ordered = tables.OrderByDescending(t => t.Bytes).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return Results.Ok(new StorageJson(S3Location.IsS3(options.Value.Warehouse) ? "s3" : "local", ordered.Sum(t => t.Bytes), ordered.Sum(t => t.Files), ordered));
    }
}
