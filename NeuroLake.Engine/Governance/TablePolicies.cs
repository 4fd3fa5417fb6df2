using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>PII masks (from the catalog's column classification) and row filters of tables.</summary>
public sealed class TablePolicies
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly PrivilegeEvaluator _privileges;

    internal TablePolicies(IDbContextFactory<CatalogDbContext> factory, PrivilegeEvaluator privileges)
    {
        _factory = factory;
        _privileges = privileges;
    }

    /// <summary>The masks and row filters of <paramref name="table"/> (empty when it has none or does not exist).</summary>
    public async Task<TablePolicy> ActiveAsync(SecurablePath table, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var id = await SecurableChain.IdAsync(db, Securable.Of(table), ct);
        if (id is null)
        {
            return new TablePolicy([], []);
        }

        var masks = await db.Columns.AsNoTracking().Where(c => c.TableId == id && c.PiiType != null)
            .OrderBy(c => c.Ordinal).Select(c => new { c.Name, c.PiiType }).ToListAsync(ct);
        var filters = await db.Set<RowFilterRecord>().AsNoTracking().Where(f => f.TableId == id).ToListAsync(ct);
        return new TablePolicy(
            masks.Select(m => new ColumnMask(m.Name, m.PiiType!, PiiMasks.Describe(m.PiiType!))).ToList(),
            filters.OrderBy(f => f.GroupName, StringComparer.OrdinalIgnoreCase).Select(f => new RowFilterInfo(f.GroupName, f.Predicate, f.CreatedBy, f.CreatedAt)).ToList());
    }

    /// <summary>The masks and filters that apply when <paramref name="user"/> reads <paramref name="table"/>.</summary>
    internal async Task<ReadPolicy> ForReaderAsync(string user, SecurablePath table, CancellationToken ct)
    {
        if (!_privileges.Enforced)
        {
            return ReadPolicy.None;
        }

        var access = await _privileges.AccessAsync(user, Securable.Of(table), ct);
        if (access.IsOwnerOrAdmin)
        {
            return ReadPolicy.None;
        }

        var policy = await ActiveAsync(table, ct);
        var masks = access.Has(Privilege.Unmask) ? [] : policy.Masks;
        await using var db = await _factory.CreateDbContextAsync(ct);
        var groups = await UserGrants.GroupsOfAsync(db, user, ct);
        var filters = policy.RowFilters.Where(f => groups.Contains(f.Group, StringComparer.OrdinalIgnoreCase)).Select(f => f.Predicate).ToList();
        return new ReadPolicy(masks.ToDictionary(m => m.Column, m => m.PiiType, StringComparer.OrdinalIgnoreCase), filters);
    }

    /// <summary>Sets (or replaces) the row filter of <paramref name="group"/> on the table; the predicate was checked by the query sandbox.</summary>
    internal async Task SetRowFilterAsync(string actor, SecurablePath table, string group, string predicate, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var id = await ManagedTableAsync(db, actor, table, ct);
        var name = (await GroupDirectory.RequireAsync(db, group, ct)).Name;
        var existing = await db.Set<RowFilterRecord>().FirstOrDefaultAsync(f => f.TableId == id && f.GroupName == name, ct);
        if (existing is null)
        {
            db.Add(new RowFilterRecord { TableId = id, GroupName = name, Predicate = predicate, CreatedBy = actor, CreatedAt = now });
        }
        else
        {
            existing.Predicate = predicate;
            existing.CreatedBy = actor;
            existing.CreatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <returns>Whether there was a filter to drop.</returns>
    internal async Task<bool> DropRowFilterAsync(string actor, SecurablePath table, string group, CancellationToken ct)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var id = await ManagedTableAsync(db, actor, table, ct);
        var lower = group.ToLowerInvariant();
        var filter = await db.Set<RowFilterRecord>().FirstOrDefaultAsync(f => f.TableId == id && f.GroupName.ToLower() == lower, ct);
        if (filter is null)
        {
            return false;
        }

        db.Remove(filter);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Only owners and administrators set filters; the table's existence is told only to them.</summary>
    private async Task<Guid> ManagedTableAsync(CatalogDbContext db, string actor, SecurablePath table, CancellationToken ct)
    {
        var securable = Securable.Of(table);
        var access = await _privileges.AccessAsync(PrincipalNames.RequireUser(actor), securable, ct);
        if (!access.IsOwnerOrAdmin)
        {
            throw PermissionDeniedException.NotOwner("setting a row filter on", securable);
        }

        return await SecurableChain.IdAsync(db, Securable.Of(table), ct) ?? throw new GovernanceException($"Table '{table}' does not exist: check the name (SHOW TABLES IN <schema>).");
    }
}
