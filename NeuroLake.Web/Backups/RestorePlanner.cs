using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog;
using NeuroLake.Web.Api;
using NeuroLake.Web.Api.Tables;

namespace NeuroLake.Web.Backups;

/// <summary>A table of a set to restore and, for a restore under a new name, that name (<c>catalog.schema.table</c>).</summary>
public sealed record RestoreChoice(string? Name, string? RestoreAs);

/// <summary>One table under a new name, checked: its name in the set and where it goes.</summary>
public sealed record NewNameRestore(string Name, string Catalog, string Schema, string Table)
{
    public string Target => $"{Catalog}.{Schema}.{Table}";
}

/// <summary>
/// Checks a restore before anything runs, for the API and the Backups page alike: the set holds each table; under a new
/// name the name is free and its schema exists; in place the table is still in the catalog. Problems throw
/// <see cref="BadApiRequestException"/> naming the fix.
/// </summary>
public sealed class RestorePlanner(CatalogStore catalog)
{
    public async Task<IReadOnlyList<NewNameRestore>> NewNamesAsync(BackupSetInfo set, IReadOnlyList<RestoreChoice> tables, CancellationToken ct)
    {
        var plan = new List<NewNameRestore>();
        foreach (var table in tables)
        {
            RequireInSet(set, table.Name);
            var (catalogName, schema, name) = TableRoute.Parse(table.RestoreAs ?? "");
            var target = new NewNameRestore(table.Name!, catalogName, schema, name);
            if (await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, schema, name), ct) is not null || plan.Any(p => p.Target == target.Target))
            {
                throw new BadApiRequestException($"{table.RestoreAs} already exists: restore under a new name, then swap names once you have checked the rows.");
            }

            if (!(await catalog.ListSchemasAsync(catalogName, ct)).Any(s => string.Equals(s.Schema, schema, StringComparison.OrdinalIgnoreCase)))
            {
                throw new BadApiRequestException($"There is no schema {catalogName}.{schema} to restore {table.RestoreAs} into: create it first (CREATE SCHEMA {schema}).");
            }

            plan.Add(target);
        }

        return plan;
    }

    /// <returns>The distinct table names, in the order given.</returns>
    public async Task<IReadOnlyList<string>> InPlaceAsync(BackupSetInfo set, IReadOnlyList<RestoreChoice> tables, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var table in tables)
        {
            RequireInSet(set, table.Name);
            if (table.RestoreAs is not null)
            {
                throw new BadApiRequestException($"An in-place restore writes over {table.Name} itself: leave out \"restoreAs\", or use \"mode\": \"newName\".");
            }

            var (catalogName, schema, name) = TableRoute.Parse(table.Name!);
            if (await catalog.FindTableAsync(SecurablePath.ForTable(catalogName, schema, name), ct) is null)
            {
                throw new BadApiRequestException($"{table.Name} is not in the catalog any more, so there is nothing to restore in place: restore it under a new name.");
            }

            if (!names.Contains(table.Name!, StringComparer.Ordinal))
            {
                names.Add(table.Name!);
            }
        }

        return names;
    }

    private static void RequireInSet(BackupSetInfo set, string? name)
    {
        if (!set.Tables.Any(t => t.Name == name))
        {
            throw new BadApiRequestException($"Set {set.SetId} has no table '{name}'; it holds {string.Join(", ", set.Tables.Select(t => t.Name))}.");
        }
    }
}
