using NeuroLake.Engine.Governance;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>POST /api/v1/tables/{name}/merge</c>: upserts JSON rows as a MERGE run as the caller (SELECT and MODIFY, refused
/// on tables with masks or row filters, as SQL MERGE is), or merges one of the caller's staged uploads on its keys
/// through the ingestion engine's merge (<see cref="UploadSource"/>). If-Match answers 412 when the table moved on.
/// </summary>
internal static class TableMergeEndpoints
{
    public static void Map(RouteGroupBuilder tables) =>
        tables.MapPost("/{name}/merge", MergeAsync)
            .WithName("MergeTableRows")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Upserts {\"rows\": [{...}], \"keys\": [\"id\"]} as MERGE: matched rows get updateColumns (default every non-key column given; [] for none), " +
                         "unmatched rows are inserted unless insertNotMatched is false, and a row whose deleteWhen field (e.g. \"_deleted\") is true deletes its match. " +
                         "Or {\"uploadId\": \"...\", \"keys\": [...]} merges a staged upload (update all, insert all). Needs MODIFY and SELECT.")
            .Produces<MergeResultJson>();

    private static async Task<IResult> MergeAsync(string name, MergeRowsRequest body, [AsParameters] TableCall call, TableAccess access, [AsParameters] UploadSource uploads)
    {
        if (body.UploadId is null)
        {
            var (table, sql, refusal) = await call.StatementTargetAsync(name, Privilege.Modify);
            return refusal ?? Results.Ok(MergeStatement.Result(await access.RunAsync(MergeStatement.Of(table!, sql!, body), 1, call.Ct)));
        }

        if (body.Rows is not null || body.UpdateColumns is not null || body.InsertNotMatched is not null || body.DeleteWhen is not null)
        {
            throw new BadApiRequestException(
                "An upload merges on \"keys\" alone: matched rows take every column of the file, the others are inserted. For rows, updateColumns, insertNotMatched or deleteWhen send the rows as JSON.");
        }

        var (target, _, denied) = await call.StatementTargetAsync(name, Privilege.Modify);
        return denied ?? Results.Ok(await uploads.MergeAsync(target!, body.UploadId, MergeStatement.Keys(target!, body.Keys), call.Ct));
    }
}
