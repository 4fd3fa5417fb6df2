using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// What every tables endpoint needs (bound with <c>[AsParameters]</c>): the caller, and the table named in the route
/// as they may see it. Checks run in the order that reveals nothing: hidden or missing (404), then the ETag (412),
/// then the privilege a write needs (403).
/// </summary>
public readonly record struct TableCall(VisibleSecurables Securables, TablePrivileges Privileges, IWorkbenchUser User, HttpContext Http, CancellationToken Ct)
{
    /// <summary>The table the caller may read, or the answer to give instead (404).</summary>
    public async Task<(TableInfo? Table, IResult? Refusal)> ReadableAsync(string name) =>
        await TableRoute.FindAsync(Securables, User.Name, name, Ct) is { } table ? (table, null) : (null, TableRoute.NotFound(name));

    /// <summary>
    /// The table as SQL names it, for statements run through the query service (which resolves names in its own
    /// catalog), or the answer to give instead; with <paramref name="needs"/>, an <c>If-Match</c> that names an older
    /// version answers 412 and a missing privilege throws (403).
    /// </summary>
    public async Task<(TableInfo? Table, TableName? Sql, IResult? Refusal)> StatementTargetAsync(string name, Privilege? needs = null)
    {
        var (table, refusal) = await ReadableAsync(name);
        if (table is null)
        {
            return (null, null, refusal);
        }

        if (!string.Equals(table.Path.Catalog, TableName.Catalog, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null, ApiProblems.BadRequest($"{table.Path} is in catalog {table.Path.Catalog}; SQL, and so this endpoint, reaches the tables of catalog {TableName.Catalog}."));
        }

        if (needs is not null && TableETag.MovedOn(Http, table) is { } moved)
        {
            return (null, null, moved);
        }

        if (needs is { } privilege)
        {
            await Privileges.RequireAsync(User.Name, table.Path, privilege, Ct);
        }

        return (table, new TableName(table.Path.Schema!, table.Path.Table!), null);
    }
}
