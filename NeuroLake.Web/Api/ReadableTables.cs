using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api;

/// <summary>
/// A table named in an API path as <c>catalog.schema.table</c>, found only when the caller may SELECT it: a missing table
/// and one the caller may not read answer the same 404, so the API reveals no more than the table page does.
/// </summary>
internal sealed class ReadableTables(CatalogStore catalog, VisibleTables visible, IWorkbenchUser user)
{
    /// <summary>The table, or the problem to answer instead (400 for a name that is not a table's, 404 for one not found or hidden).</summary>
    public async Task<(TableInfo? Table, IResult? Problem)> FindAsync(string name, CancellationToken ct)
    {
        SecurablePath path;
        try
        {
            path = SecurablePath.Parse(name);
        }
        catch (NeuroLakeException e)
        {
            return (null, NotATable(name, e.Message));
        }

        if (path.Table is null || path.Column is not null)
        {
            return (null, NotATable(name, "Name the table in full."));
        }

        var info = await catalog.FindTableAsync(path, ct);
        return info is not null && await visible.CanSelectAsync(user.Name, path, ct)
            ? (info, null)
            : (null, Results.Problem(
                title: "Table not found",
                detail: $"There is no table {path} in the catalog, or you may not read it. List the tables you may read in the catalog explorer.",
                statusCode: StatusCodes.Status404NotFound));
    }

    private static IResult NotATable(string name, string why) =>
        Results.Problem(title: "Not a table name", detail: $"'{name}' is not a table name: {why} Write it as catalog.schema.table, e.g. main.sales.orders.",
            statusCode: StatusCodes.Status400BadRequest);
}
