using System.Text.Json;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Api;

/// <summary>
/// <c>/api/v1/tables/{name}/properties</c>: read a table's Delta properties, and change them as
/// <c>ALTER TABLE … SET/UNSET TBLPROPERTIES</c> run as the caller, so the engine validates them (protocol properties
/// refused, <c>delta.appendOnly</c> a boolean, retention an interval) and SQL's rule applies: only the table's owner or
/// an administrator alters it. Both carry the table's ETag; a PATCH honours <c>If-Match</c>.
/// </summary>
internal static class TablePropertiesEndpoints
{
    public static void Map(RouteGroupBuilder tables)
    {
        tables.MapGet("/{name}/properties", GetAsync)
            .WithName("GetTableProperties")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("The table's Delta properties and version; ETag like describe, If-None-Match answers 304.")
            .Produces<TablePropertiesJson>();
        tables.MapPatch("/{name}/properties", PatchAsync)
            .WithName("PatchTableProperties")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithSummary("Sets and removes properties with a JSON merge patch ({\"delta.appendOnly\": \"true\", \"team\": null}: a string sets, null removes), " +
                         "as ALTER TABLE SET/UNSET TBLPROPERTIES (sets first, then removes: two commits when both). Owner or administrator; If-Match answers 412 when the table moved on.")
            .Produces<TablePropertiesJson>();
    }

    private static async Task<IResult> GetAsync(string name, [AsParameters] TableCall call)
    {
        var (table, refusal) = await call.ReadableAsync(name);
        return table is null ? refusal! : TableETag.NotModified(call.Http, table) ?? Results.Ok(TablePropertiesJson.From(table));
    }

    private static async Task<IResult> PatchAsync(string name, JsonElement patch, [AsParameters] TableCall call, TableAccess access)
    {
        var (table, sql, refusal) = await call.StatementTargetAsync(name);
        if (refusal is not null)
        {
            return refusal;
        }

        if (TableETag.MovedOn(call.Http, table!) is { } moved)
        {
            return moved;
        }

        // Checked before anything runs, so a bad second half does not leave the first committed.
        var statements = TablePropertyStatements.Of(sql!, patch);
        await access.RunAsync(string.Join(";\n", statements), 1, call.Ct);
        var (changed, gone) = await call.ReadableAsync(name);
        if (changed is null)
        {
            return gone!;
        }

        call.Http.Response.Headers.ETag = TableETag.Of(changed);
        return Results.Ok(TablePropertiesJson.From(changed));
    }
}
