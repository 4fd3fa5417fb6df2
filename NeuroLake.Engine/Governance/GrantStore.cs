using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// GRANT, REVOKE, SHOW GRANTS and ownership transfer. Only administrators and owners of the securable (or an ancestor)
/// may grant, revoke or transfer; grants on the metastore are for administrators.
/// </summary>
public sealed class GrantStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly PrivilegeEvaluator _privileges;
    private readonly TimeProvider _time;

    internal GrantStore(IDbContextFactory<CatalogDbContext> factory, PrivilegeEvaluator privileges, TimeProvider time)
    {
        _factory = factory;
        _privileges = privileges;
        _time = time;
    }

    /// <exception cref="PermissionDeniedException"><paramref name="actor"/> neither owns the securable (or an ancestor) nor administers.</exception>
    /// <exception cref="GovernanceException">A privilege does not apply to the securable, the securable or the group does not exist.</exception>
    public async Task GrantAsync(string actor, IReadOnlyCollection<Privilege> privileges, Securable securable, Principal principal, CancellationToken ct = default)
    {
        RequireApplicable(privileges, securable);
        await using var db = await _factory.CreateDbContextAsync(ct);
        var id = await ManagedIdAsync(db, actor, securable, "granting on", ct);
        var name = await CanonicalAsync(db, principal, ct);
        var existing = await db.Set<GrantRecord>()
            .Where(g => g.SecurableId == id && g.PrincipalKind == principal.Kind && g.Principal == name).Select(g => g.Privilege).ToListAsync(ct);
        foreach (var privilege in privileges.Distinct().Except(existing))
        {
            db.Add(new GrantRecord
            {
                Level = securable.Level, SecurableId = id, PrincipalKind = principal.Kind, Principal = name,
                Privilege = privilege, GrantedBy = actor, GrantedAt = _time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes the grants; REVOKE ALL PRIVILEGES removes every privilege the principal was granted on the securable.</summary>
    /// <returns>How many grants were removed (0 when there were none: revoking is idempotent).</returns>
    public async Task<int> RevokeAsync(string actor, IReadOnlyCollection<Privilege> privileges, Securable securable, Principal principal, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var id = await ManagedIdAsync(db, actor, securable, "revoking on", ct);
        var name = await CanonicalAsync(db, principal, ct);
        var all = privileges.Contains(Privilege.AllPrivileges);
        var rows = await db.Set<GrantRecord>()
            .Where(g => g.SecurableId == id && g.PrincipalKind == principal.Kind && g.Principal.ToLower() == name.ToLower()).ToListAsync(ct);
        var removed = rows.Where(g => all || privileges.Contains(g.Privilege)).ToList();
        db.RemoveRange(removed);
        await db.SaveChangesAsync(ct);
        return removed.Count;
    }

    /// <summary>
    /// Grants on <paramref name="on"/> (exactly there, not inherited) and/or to <paramref name="to"/>; both null: all.
    /// Administrators see every grant; others see grants to themselves and their groups, and grants on what they own.
    /// </summary>
    public async Task<IReadOnlyList<GrantInfo>> ListAsync(string actor, Securable? on = null, Principal? to = null, CancellationToken ct = default)
    {
        PrincipalNames.RequireUser(actor);
        await using var db = await _factory.CreateDbContextAsync(ct);
        IQueryable<GrantRecord> query = db.Set<GrantRecord>().AsNoTracking();
        if (on is not null)
        {
            var id = await SecurableChain.IdAsync(db, on, ct);
            if (id is null)
            {
                return [];
            }

            query = query.Where(g => g.SecurableId == id);
        }

        if (to is not null)
        {
            var lower = to.Name.ToLowerInvariant();
            query = query.Where(g => g.PrincipalKind == to.Kind && g.Principal.ToLower() == lower);
        }

        var grants = await query.ToListAsync(ct);
        var securables = await GrantedSecurables.NamesAsync(db, grants.Select(g => g.SecurableId), ct);
        var listed = grants.Where(g => securables.ContainsKey(g.SecurableId))
            .Select(g => new GrantInfo(securables[g.SecurableId], new Principal(g.PrincipalKind, g.Principal), g.Privilege, g.GrantedBy, g.GrantedAt))
            .OrderBy(g => g.Securable.Level).ThenBy(g => g.Securable.ToString(), StringComparer.Ordinal)
            .ThenBy(g => g.Principal.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Privilege)
            .ToList();
        return await VisibleAsync(actor, listed, ct);
    }

    /// <summary>ALTER TABLE/SCHEMA/CATALOG ... OWNER TO: the new owner (a user or a group) holds every privilege on it and below.</summary>
    public async Task SetOwnerAsync(string actor, SecurablePath securable, Principal newOwner, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var target = Securable.Of(securable);
        var access = await _privileges.AccessAsync(PrincipalNames.RequireUser(actor), target, ct);
        if (!access.IsOwnerOrAdmin)
        {
            throw PermissionDeniedException.NotOwner("changing the owner of", target);
        }

        var name = await CanonicalAsync(db, newOwner, ct);
        var row = await CatalogLookup.SecurableAsync(db, target.Path!, ct);
        row.Owner = name;
        row.UpdatedAt = _time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task<IReadOnlyList<GrantInfo>> VisibleAsync(string actor, List<GrantInfo> grants, CancellationToken ct)
    {
        if (await _privileges.IsAdminAsync(actor, ct))
        {
            return grants;
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var groups = await UserGrants.GroupsOfAsync(db, actor, ct);
        var paths = grants.Where(g => g.Securable.Path is not null).Select(g => g.Securable.Path!).Distinct().ToList();
        var access = await _privileges.AccessAsync(actor, paths, ct);
        return grants.Where(g =>
            (g.Principal.Kind == PrincipalKind.User && string.Equals(g.Principal.Name, actor, StringComparison.OrdinalIgnoreCase))
            || (g.Principal.Kind == PrincipalKind.Group && groups.Contains(g.Principal.Name, StringComparer.OrdinalIgnoreCase))
            || (g.Securable.Path is { } path && access[path].IsOwnerOrAdmin)).ToList();
    }

    /// <summary>The securable's row id, once <paramref name="actor"/> is known to manage it (no existence is revealed before).</summary>
    private async Task<Guid> ManagedIdAsync(CatalogDbContext db, string actor, Securable securable, string action, CancellationToken ct)
    {
        var access = await _privileges.AccessAsync(PrincipalNames.RequireUser(actor), securable, ct);
        if (securable.Level == SecurableLevel.Metastore ? !await _privileges.IsAdminAsync(actor, ct) : !access.IsOwnerOrAdmin)
        {
            throw securable.Level == SecurableLevel.Metastore
                ? PermissionDeniedException.NotAdmin($"{action} the metastore")
                : PermissionDeniedException.NotOwner(action, securable);
        }

        return await SecurableChain.IdAsync(db, securable, ct) ?? throw new GovernanceException(
            $"{char.ToUpperInvariant(securable.ToString()[0])}{securable.ToString()[1..]} does not exist: check the name (SHOW SCHEMAS, SHOW TABLES IN <schema>).");
    }

    /// <summary>A group's name as created; a user's name as given.</summary>
    private static async Task<string> CanonicalAsync(CatalogDbContext db, Principal principal, CancellationToken ct) =>
        principal.Kind == PrincipalKind.Group
            ? (await GroupDirectory.RequireAsync(db, principal.Name, ct)).Name
            : PrincipalNames.RequireUser(principal.Name);

    private static void RequireApplicable(IReadOnlyCollection<Privilege> privileges, Securable securable)
    {
        if (privileges.Count == 0)
        {
            throw new GovernanceException("Name at least one privilege to grant: USE CATALOG, USE SCHEMA, CREATE SCHEMA, CREATE TABLE, SELECT, MODIFY, UNMASK or ALL PRIVILEGES.");
        }

        foreach (var privilege in privileges.Where(p => !PrivilegeNames.AppliesTo(p, securable.Level)))
        {
            throw new GovernanceException(
                $"{PrivilegeNames.Sql(privilege)} cannot be granted on a {securable.Level.ToString().ToLowerInvariant()}: grant it on the {(privilege is Privilege.UseCatalog or Privilege.CreateSchema ? "catalog" : "catalog or schema")} that contains it.");
        }
    }
}
