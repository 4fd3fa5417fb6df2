using System.Globalization;
using Microsoft.Net.Http.Headers;
using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// A table's entity tag: <c>"&lt;version&gt;-&lt;catalog change time&gt;"</c>. The version makes history and data
/// answers change with every commit; the change time makes a description or tag edit change the describe answer too.
/// Writes compare only the version (<see cref="MovedOn"/>): a new description does not make a row change stale.
/// </summary>
public static class TableETag
{
    public static string Of(TableInfo table) =>
        $"\"{table.CurrentVersion.ToString(CultureInfo.InvariantCulture)}-{table.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Sets the ETag header and answers 304 when the request's <c>If-None-Match</c> holds it; null to answer normally.</summary>
    public static IResult? NotModified(HttpContext http, TableInfo table)
    {
        var tag = Of(table);
        http.Response.Headers.ETag = tag;
        var match = http.Request.Headers.IfNoneMatch.ToString();
        return match.Length > 0 && (match.Trim() == "*" || EntityTagHeaderValue.ParseList(match.Split(',')).Any(t => t.Tag == tag))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : null;
    }

    /// <summary>
    /// 412 when the request's <c>If-Match</c> names a version other than the table's current one (someone committed
    /// since the caller read it); null when there is no <c>If-Match</c> or it matches.
    /// </summary>
    public static IResult? MovedOn(HttpContext http, TableInfo table)
    {
        var match = http.Request.Headers.IfMatch.ToString().Trim();
        if (match.Length == 0 || match == "*")
        {
            return null;
        }

        var versions = match.Split(',').Select(t => t.Trim().TrimStart('W', '/').Trim('"').Split('-')[0]);
        return versions.Contains(table.CurrentVersion.ToString(CultureInfo.InvariantCulture))
            ? null
            : Results.Problem(
                title: "The table moved on",
                detail: $"{table.Path} is at version {table.CurrentVersion}, not the one your If-Match names ({match}): read it again (GET its describe or history for the new ETag) and retry.",
                statusCode: StatusCodes.Status412PreconditionFailed);
    }
}
