using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>A user's groups and every grant to them or their groups, loaded once per check.</summary>
internal sealed record UserGrants(string User, IReadOnlyList<string> Groups, ILookup<Guid, GrantRecord> BySecurable)
{
    public bool IsAdmin => Groups.Contains(RoleGroups.Admin, StringComparer.OrdinalIgnoreCase);

    public static async Task<IReadOnlyList<string>> GroupsOfAsync(CatalogDbContext db, string user, CancellationToken ct)
    {
        var lower = user.ToLowerInvariant();
        return await db.Set<GroupMemberRecord>().AsNoTracking()
            .Where(m => m.UserName.ToLower() == lower)
            .Join(db.Set<GroupRecord>(), m => m.GroupId, g => g.Id, (m, g) => g.Name)
            .OrderBy(n => n)
            .ToListAsync(ct);
    }

    public static async Task<UserGrants> LoadAsync(CatalogDbContext db, string user, CancellationToken ct)
    {
        var groups = await GroupsOfAsync(db, user, ct);
        var lower = user.ToLowerInvariant();
        var grants = await db.Set<GrantRecord>().AsNoTracking()
            .Where(g => (g.PrincipalKind == PrincipalKind.User && g.Principal.ToLower() == lower)
                || (g.PrincipalKind == PrincipalKind.Group && groups.Contains(g.Principal)))
            .ToListAsync(ct);
        return new UserGrants(user, groups, grants.ToLookup(g => g.SecurableId));
    }
}
