using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// Forgets a user whose account is being deleted, so nothing is left dangling and a later account of the same name
/// inherits nothing: what they own (catalogs, schemas, tables) and the jobs that run as them pass to the administrator
/// deleting them; their grants and group memberships are removed. All in one catalog transaction.
/// </summary>
public sealed class UserRemoval
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly PrivilegeEvaluator _privileges;
    private readonly TimeProvider _time;

    internal UserRemoval(IDbContextFactory<CatalogDbContext> factory, PrivilegeEvaluator privileges, TimeProvider time)
    {
        _factory = factory;
        _privileges = privileges;
        _time = time;
    }

    /// <summary>What removing <paramref name="user"/> would change.</summary>
    public async Task<UserHoldings> HoldingsAsync(string user, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return (await LoadAsync(db, PrincipalNames.RequireUser(user), ct)).Holdings;
    }

    /// <summary>Hands what <paramref name="user"/> owns to <paramref name="actor"/> and removes their grants and memberships.</summary>
    /// <returns>What the user held before.</returns>
    /// <exception cref="PermissionDeniedException"><paramref name="actor"/> is not an administrator.</exception>
    /// <exception cref="GovernanceException">The user is <paramref name="actor"/>, or the last member of group admin.</exception>
    public async Task<UserHoldings> RemoveAsync(string actor, string user, CancellationToken ct = default)
    {
        PrincipalNames.RequireUser(user);
        if (!await _privileges.IsAdminAsync(PrincipalNames.RequireUser(actor), ct))
        {
            throw PermissionDeniedException.NotAdmin("removing a user");
        }

        if (string.Equals(actor, user, StringComparison.OrdinalIgnoreCase))
        {
            throw new GovernanceException($"'{user}' is you: ask another administrator to remove your account.");
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var found = await LoadAsync(db, user, ct);
        var adminGroup = await GroupDirectory.RequireAsync(db, RoleGroups.Admin, ct);
        var admins = await db.Set<GroupMemberRecord>().Where(m => m.GroupId == adminGroup.Id).Select(m => m.UserName).ToListAsync(ct);
        if (admins.Count == 1 && string.Equals(admins[0], user, StringComparison.OrdinalIgnoreCase))
        {
            throw new GovernanceException($"'{user}' is the last administrator: add another member to group '{RoleGroups.Admin}' first.");
        }

        var now = _time.GetUtcNow();
        foreach (var securable in found.Securables)
        {
            (securable.Owner, securable.UpdatedAt) = (actor, now);
        }

        foreach (var job in found.Jobs)
        {
            job.Owner = actor;
        }

        db.RemoveRange(found.Grants);
        db.RemoveRange(found.Memberships);
        await db.SaveChangesAsync(ct);
        return found.Holdings;
    }

    private static async Task<Found> LoadAsync(CatalogDbContext db, string user, CancellationToken ct)
    {
        var lower = user.ToLowerInvariant();
        // An owner is a group when a group of that name exists (ALTER ... OWNER TO's rule): then the user owns nothing by name.
        var ownsByName = await GroupDirectory.FindAsync(db, user, ct) is null;
        var catalogs = ownsByName ? await db.Catalogs.Where(c => c.Owner.ToLower() == lower).ToListAsync(ct) : [];
        var schemas = ownsByName ? await db.Schemas.Include(s => s.Catalog).Where(s => s.Owner.ToLower() == lower).ToListAsync(ct) : [];
        var tables = ownsByName
            ? await db.Tables.Include(t => t.Schema).ThenInclude(s => s!.Catalog).Where(t => t.Owner.ToLower() == lower).ToListAsync(ct)
            : [];
        var jobs = await db.JobDefinitions.Where(j => j.Owner.ToLower() == lower).ToListAsync(ct);
        var grants = await db.Set<GrantRecord>().Where(g => g.PrincipalKind == PrincipalKind.User && g.Principal.ToLower() == lower).ToListAsync(ct);
        var memberships = await db.Set<GroupMemberRecord>().Where(m => m.UserName.ToLower() == lower).ToListAsync(ct);
        var groupIds = memberships.Select(m => m.GroupId).ToList();
        var groups = await db.Set<GroupRecord>().Where(g => groupIds.Contains(g.Id)).Select(g => g.Name).ToListAsync(ct);

        var owned = catalogs.Select(c => "catalog " + c.Name)
            .Concat(schemas.Select(s => $"schema {s.Catalog!.Name}.{s.Name}"))
            .Concat(tables.Select(t => $"table {t.Schema!.Catalog!.Name}.{t.Schema.Name}.{t.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Found(
            new UserHoldings(owned, jobs.Count, grants.Count, groups.Order(StringComparer.OrdinalIgnoreCase).ToList()),
            [.. catalogs, .. schemas, .. tables], jobs, grants, memberships);
    }

    private sealed record Found(
        UserHoldings Holdings, List<SecurableRecord> Securables, List<JobDefinitionRecord> Jobs, List<GrantRecord> Grants, List<GroupMemberRecord> Memberships);
}
