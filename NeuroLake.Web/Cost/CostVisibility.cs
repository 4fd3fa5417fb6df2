using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Cost;

/// <summary>
/// Whose usage a user's cost figures cover: administrators see everything; anyone else their own work and the tables
/// they may SELECT (<see cref="VisibleTables"/>), so a cost row never reveals a hidden table or another user's usage.
/// </summary>
public sealed class CostVisibility(PrivilegeEvaluator privileges, VisibleTables visible)
{
    public async Task<UsageScope> ScopeAsync(string user, CancellationToken ct = default) =>
        await privileges.IsAdminAsync(user, ct)
            ? UsageScope.Everything
            : UsageScope.Own(user, (names, c) => SelectableAsync(user, names, c));

    /// <summary>Whether <paramref name="user"/> may see <paramref name="table"/>'s cost: when they may SELECT it.</summary>
    public Task<bool> CanSeeTableAsync(string user, SecurablePath table, CancellationToken ct = default) => visible.CanSelectAsync(user, table, ct);

    private async Task<IReadOnlySet<string>> SelectableAsync(string user, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var paths = names.Select(n => (Name: n, Path: TryParse(n))).Where(p => p.Path is { Table: not null }).ToList();
        var selectable = await visible.SelectableAsync(user, paths.Select(p => p.Path!), ct);
        return paths.Where(p => selectable.Contains(p.Path!.TablePath)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    // A metered name that is not a valid table path (none should be) is hidden rather than guessed at.
    private static SecurablePath? TryParse(string name)
    {
        try
        {
            return SecurablePath.Parse(name);
        }
        catch (CatalogException)
        {
            return null;
        }
    }
}
