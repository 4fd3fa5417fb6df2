using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Api.Tables;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Api.Catalog;

/// <summary>
/// What a catalog change needs (bound with <c>[AsParameters]</c>): find the table as the caller sees it (404 when
/// hidden, before any privilege is checked, so a refusal never reveals a table), change it, answer the table as it now is.
/// </summary>
public readonly record struct CatalogEditCall(VisibleSecurables Securables, CatalogEdits Edits, IWorkbenchUser User, CancellationToken Ct)
{
    public async Task<IResult> TableAsync(string name, Func<string, TableInfo, CancellationToken, Task> change)
    {
        if (await TableRoute.FindAsync(Securables, User.Name, name, Ct) is not { } table)
        {
            return TableRoute.NotFound(name);
        }

        await change(User.Name, table, Ct);
        // Giving a table away may leave the caller unable to read it: then the change is all there is to say.
        return await TableRoute.FindAsync(Securables, User.Name, name, Ct) is { } changed ? Results.Ok(TableJson.From(changed)) : Results.NoContent();
    }

    /// <summary>As <see cref="TableAsync"/> for a column of the table; an unknown column answers 400 listing the table's columns.</summary>
    public Task<IResult> ColumnAsync(string name, string column, Func<string, SecurablePath, CancellationToken, Task> change) =>
        TableAsync(name, (user, table, ct) =>
        {
            var found = table.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadApiRequestException($"{table.Path} has no column '{column}': its columns are {string.Join(", ", table.Columns.Select(c => c.Name))}.");
            return change(user, table.Path with { Column = found.Name }, ct);
        });
}
