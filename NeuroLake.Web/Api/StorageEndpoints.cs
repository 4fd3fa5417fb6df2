using NeuroLake.Engine.Metering;
using NeuroLake.Web.Api.Storage;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/storage</c>: what the Storage page shows. Tiers, tables and partitions cover only tables the caller may
/// SELECT (a hidden table is never named, counted or summed; asking for its partitions answers 404 like a missing
/// table); no locations, only whether a table is on local disk or S3. The file cache's samples are installation-wide,
/// so administrators only (see <see cref="StorageReports"/>).
/// </summary>
public static class StorageEndpoints
{
    public static IEndpointRouteBuilder MapStorageApi(this IEndpointRouteBuilder app)
    {
        var storage = app.MapGroup("/api/v1/storage").WithTags("Storage").WithApiProblems();
        storage.MapGet("/", async (StorageReports reports, IWorkbenchUser user, CancellationToken ct) =>
                Results.Ok(StorageJson.From(await reports.OverviewAsync(user.Name, ct))))
            .WithName("GetStorage")
            .WithSummary("Bytes and files of each table you may read (largest first), per tier (hot, warm, cold) and in total, with the bytes only older versions need; measured now.")
            .Produces<StorageJson>();
        storage.MapGet("/tables/{name}/partitions", async (string name, ReadableTables tables, StorageReports reports, IWorkbenchUser user, CancellationToken ct) =>
            {
                var (table, problem) = await tables.FindAsync(name, ct);
                if (table is null)
                {
                    return problem!;
                }

                TablePartitions? partitions;
                try
                {
                    partitions = await reports.PartitionsAsync(user.Name, table.Path, ct);
                }
                catch (Exception e) when (e is IOException or NotSupportedException or UnauthorizedAccessException)
                {
                    // The reason may quote the table's location; the caller gets the table's name only.
                    return Results.Problem(title: "Table could not be read",
                        detail: $"The latest version of {table.Path} could not be read from its storage; its page's History tab and the server log say more.",
                        statusCode: StatusCodes.Status409Conflict);
                }

                return partitions is null
                    ? ApiProblems.NotFound($"There is no table {table.Path} in the catalog, or you may not read it.")
                    : Results.Ok(StoragePartitionsJson.From(table.Path.ToString(), partitions));
            })
            .WithName("GetStoragePartitions")
            .WithSummary("Bytes, files and rows of each partition of a table's latest version (catalog.schema.table), largest first; 404 for a table you may not read.")
            .Produces<StoragePartitionsJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        storage.MapGet("/cache", async (string? from, string? to, StorageReports reports, IWorkbenchUser user, CancellationToken ct) =>
            {
                if (!await reports.CanSeeCacheAsync(user.Name, ct))
                {
                    return ApiProblems.Forbidden("The file cache serves every user's reads: only administrators see its figures.");
                }

                var (range, problem) = CacheRange.Parse(from, to, reports.Now);
                return range is null
                    ? ApiProblems.BadRequest(problem!, "Invalid range")
                    : Results.Ok(StorageCacheJson.Of((await reports.CacheAsync(user.Name, range, ct))!));
            })
            .WithName("GetStorageCache")
            .WithSummary("The file cache (administrators): capacity, bytes held, hit rate, and its samples between ?from= and ?to= (ISO 8601 times; default the last day; at most 31 days).")
            .Produces<StorageCacheJson>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
