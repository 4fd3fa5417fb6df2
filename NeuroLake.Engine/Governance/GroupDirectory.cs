using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>Groups and their members (user names). Changes are for administrators; the role groups cannot be deleted.</summary>
public sealed class GroupDirectory
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly PrivilegeEvaluator _privileges;
    private readonly TimeProvider _time;

    internal GroupDirectory(IDbContextFactory<CatalogDbContext> factory, PrivilegeEvaluator privileges, TimeProvider time)
    {
        _factory = factory;
        _privileges = privileges;
        _time = time;
    }

    /// <summary>Every group with its members, by name.</summary>
    public async Task<IReadOnlyList<GroupInfo>> ListGroupsAsync(CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var groups = await db.Set<GroupRecord>().AsNoTracking().Include(g => g.Members).OrderBy(g => g.Name).ToListAsync(ct);
        return groups.Select(g => new GroupInfo(
            g.Name, g.Description, g.Members.Select(m => m.UserName).Order(StringComparer.OrdinalIgnoreCase).ToList(),
            RoleGroups.All.Contains(g.Name))).ToList();
    }

    public async Task<bool> GroupExistsAsync(string name, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await FindAsync(db, name, ct) is not null;
    }

    /// <summary>The names of the groups <paramref name="user"/> is in, sorted.</summary>
    public async Task<IReadOnlyList<string>> GroupsOfAsync(string user, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await UserGrants.GroupsOfAsync(db, PrincipalNames.RequireUser(user), ct);
    }

    /// <exception cref="PermissionDeniedException"><paramref name="actor"/> is not an administrator.</exception>
    /// <exception cref="GovernanceException">The name is not an identifier or is taken.</exception>
    public async Task CreateGroupAsync(string actor, string name, string description = "", CancellationToken ct = default)
    {
        PrincipalNames.RequireGroup(name);
        await RequireAdminAsync(actor, "creating a group", ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        if (await FindAsync(db, name, ct) is not null)
        {
            throw new GovernanceException($"Group '{name}' already exists: choose another name, or add members to it.");
        }

        db.Add(new GroupRecord { Name = name, Description = description ?? "", CreatedAt = _time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a group with its memberships, the grants to it and its row filters.</summary>
    public async Task DeleteGroupAsync(string actor, string name, CancellationToken ct = default)
    {
        await RequireAdminAsync(actor, "deleting a group", ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var group = await RequireAsync(db, name, ct);
        if (RoleGroups.All.Contains(group.Name))
        {
            throw new GovernanceException($"Group '{group.Name}' is a workbench role and cannot be deleted; remove its members or revoke its grants instead.");
        }

        db.RemoveRange(await db.Set<GrantRecord>().Where(g => g.PrincipalKind == PrincipalKind.Group && g.Principal == group.Name).ToListAsync(ct));
        db.RemoveRange(await db.Set<RowFilterRecord>().Where(f => f.GroupName == group.Name).ToListAsync(ct));
        db.Remove(group);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddMemberAsync(string actor, string group, string user, CancellationToken ct = default)
    {
        PrincipalNames.RequireUser(user);
        await RequireAdminAsync(actor, "changing group membership", ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        await AddAsync(db, await RequireAsync(db, group, ct), user, ct);
    }

    /// <exception cref="GovernanceException">The user is not in the group, or is the last administrator.</exception>
    public async Task RemoveMemberAsync(string actor, string group, string user, CancellationToken ct = default)
    {
        await RequireAdminAsync(actor, "changing group membership", ct);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var record = await RequireAsync(db, group, ct);
        var members = await db.Set<GroupMemberRecord>().Where(m => m.GroupId == record.Id).ToListAsync(ct);
        var member = members.FirstOrDefault(m => string.Equals(m.UserName, user, StringComparison.OrdinalIgnoreCase))
            ?? throw new GovernanceException($"User '{user}' is not a member of group '{record.Name}'.");
        if (record.Name == RoleGroups.Admin && members.Count == 1)
        {
            throw new GovernanceException($"'{user}' is the last administrator: add another member to group '{RoleGroups.Admin}' first.");
        }

        db.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// First-run setup and unattended installs: makes <paramref name="user"/> an administrator, only while group admin
    /// has no members. Returns false (and changes nothing) once an administrator exists.
    /// </summary>
    public async Task<bool> AddFirstAdministratorAsync(string user, CancellationToken ct = default)
    {
        PrincipalNames.RequireUser(user);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var admin = await RequireAsync(db, RoleGroups.Admin, ct);
        if (await db.Set<GroupMemberRecord>().AnyAsync(m => m.GroupId == admin.Id, ct))
        {
            return false;
        }

        await AddAsync(db, admin, user, ct);
        return true;
    }

    private async Task AddAsync(CatalogDbContext db, GroupRecord group, string user, CancellationToken ct)
    {
        var lower = user.ToLowerInvariant();
        if (await db.Set<GroupMemberRecord>().AnyAsync(m => m.GroupId == group.Id && m.UserName.ToLower() == lower, ct))
        {
            return;
        }

        db.Add(new GroupMemberRecord { GroupId = group.Id, UserName = user, AddedAt = _time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireAdminAsync(string actor, string action, CancellationToken ct)
    {
        if (!await _privileges.IsAdminAsync(PrincipalNames.RequireUser(actor), ct))
        {
            throw PermissionDeniedException.NotAdmin(action);
        }
    }

    internal static Task<GroupRecord?> FindAsync(CatalogDbContext db, string name, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        return db.Set<GroupRecord>().FirstOrDefaultAsync(g => g.Name.ToLower() == lower, ct);
    }

    /// <exception cref="GovernanceException">No such group.</exception>
    internal static async Task<GroupRecord> RequireAsync(CatalogDbContext db, string name, CancellationToken ct) =>
        await FindAsync(db, name, ct) ?? throw new GovernanceException(
            $"Group '{name}' does not exist: create it first (an administrator can), or check the name. Roles: {string.Join(", ", RoleGroups.All)}.");
}
