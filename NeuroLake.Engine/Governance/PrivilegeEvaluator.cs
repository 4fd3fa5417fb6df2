using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Governance;

/// <summary>
/// Decides what a user may do, Unity Catalog's way: administrators (group admin) and owners of a securable or one of
/// its ancestors hold every privilege; otherwise the grants to the user and their groups on the securable, its
/// schema, its catalog and the metastore. In <see cref="AuthMode.Single"/> everyone is an administrator. The mode is
/// read on every check, so an administrator switching it at run time (Admin → Settings) takes effect at the next one.
/// </summary>
public sealed class PrivilegeEvaluator
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly Func<AuthMode> _mode;

    internal PrivilegeEvaluator(IDbContextFactory<CatalogDbContext> factory, Func<AuthMode> mode)
    {
        _factory = factory;
        _mode = mode;
    }

    /// <summary>The sign-in mode in force now.</summary>
    public AuthMode Mode => _mode();

    /// <summary>Whether privileges are checked at all (false in single-user mode).</summary>
    public bool Enforced => Mode == AuthMode.Accounts;

    /// <summary>Whether <paramref name="user"/> is a metastore administrator (a member of group admin; everyone in single-user mode).</summary>
    public async Task<bool> IsAdminAsync(string user, CancellationToken ct = default)
    {
        if (!Enforced)
        {
            return true;
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        return (await UserGrants.GroupsOfAsync(db, user, ct)).Contains(RoleGroups.Admin, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every privilege <paramref name="user"/> holds on <paramref name="securable"/>, each with where it comes from
    /// ("SELECT from group analyst on schema main.sales"); empty when none.
    /// </summary>
    public async Task<IReadOnlyList<EffectivePrivilege>> ExplainAsync(string user, Securable securable, CancellationToken ct = default) =>
        (await AccessAsync(user, securable, ct)).Reasons;

    /// <summary>Whether <paramref name="user"/> holds <paramref name="privilege"/> on <paramref name="securable"/> (directly, inherited, as owner or administrator).</summary>
    public async Task<bool> HasAsync(string user, Securable securable, Privilege privilege, CancellationToken ct = default) =>
        (await AccessAsync(user, securable, ct)).Has(privilege);

    /// <summary>Whether <paramref name="user"/> may read the rows of <paramref name="table"/>: USE CATALOG, USE SCHEMA and SELECT.</summary>
    public async Task<bool> CanSelectAsync(string user, SecurablePath table, CancellationToken ct = default) =>
        (await AccessAsync(user, Securable.Of(table), ct)).CanSelect;

    /// <summary>Whether <paramref name="user"/> owns <paramref name="path"/> (or an ancestor, directly or through a group) or is an administrator.</summary>
    public async Task<bool> IsOwnerOrAdminAsync(string user, SecurablePath path, CancellationToken ct = default) =>
        (await AccessAsync(user, new Securable(path), ct)).IsOwnerOrAdmin;

    /// <summary>The tables of <paramref name="tables"/> <paramref name="user"/> may SELECT, in the given order: for lists on catalog, search and lineage pages.</summary>
    public async Task<IReadOnlyList<SecurablePath>> FilterSelectableAsync(string user, IEnumerable<SecurablePath> tables, CancellationToken ct = default)
    {
        var list = tables.ToList();
        var access = await AccessAsync(user, list, ct);
        return list.Where(t => access[t].CanSelect).ToList();
    }

    /// <summary>
    /// The tables whose names <paramref name="user"/> may see (USE CATALOG and USE SCHEMA, as SHOW TABLES lists them);
    /// a viewer sees names without reading rows.
    /// </summary>
    public async Task<IReadOnlyList<SecurablePath>> FilterVisibleAsync(string user, IEnumerable<SecurablePath> tables, CancellationToken ct = default)
    {
        var list = tables.ToList();
        var access = await AccessAsync(user, list, ct);
        return list.Where(t => access[t].Has(Privilege.UseCatalog) && access[t].Has(Privilege.UseSchema)).ToList();
    }

    internal async Task<Access> AccessAsync(string user, Securable securable, CancellationToken ct)
    {
        if (!Enforced)
        {
            return Access.Everything(securable, "ALL PRIVILEGES: single-user mode checks no privileges");
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var grants = await UserGrants.LoadAsync(db, user, ct);
        var chain = securable.Path is null ? [SecurableChain.Metastore]
            : (await SecurableChain.OfAsync(db, [securable.Path], ct))[securable.Path];
        return Access.Of(grants, securable, chain);
    }

    /// <summary>Access to each of <paramref name="paths"/>, in two round trips whatever their number.</summary>
    internal async Task<IReadOnlyDictionary<SecurablePath, Access>> AccessAsync(string user, IReadOnlyCollection<SecurablePath> paths, CancellationToken ct)
    {
        if (!Enforced)
        {
            return paths.Distinct().ToDictionary(p => p, p => Access.Everything(new Securable(p), "single-user mode"));
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var grants = await UserGrants.LoadAsync(db, user, ct);
        var chains = await SecurableChain.OfAsync(db, paths, ct);
        return chains.ToDictionary(c => c.Key, c => Access.Of(grants, new Securable(c.Key), c.Value));
    }

    /// <exception cref="PermissionDeniedException">The user lacks one of <paramref name="privileges"/>; names the first missing.</exception>
    internal async Task<Access> RequireAsync(string user, Securable securable, CancellationToken ct, params Privilege[] privileges)
    {
        var access = await AccessAsync(user, securable, ct);
        Require(access, privileges);
        return access;
    }

    internal static void Require(Access access, params Privilege[] privileges)
    {
        foreach (var privilege in privileges)
        {
            if (!access.Has(privilege))
            {
                throw PermissionDeniedException.Lacking(privilege, AsNamed(privilege, access.Securable));
            }
        }
    }

    /// <summary>USE CATALOG is missing on the catalog, USE SCHEMA on the schema: the refusal names where to grant it.</summary>
    private static Securable AsNamed(Privilege privilege, Securable securable) => (privilege, securable.Path) switch
    {
        (Privilege.UseCatalog or Privilege.CreateSchema, { } path) => new Securable(new SecurablePath(path.Catalog)),
        (Privilege.UseSchema or Privilege.CreateTable, { Schema: not null } path) => new Securable(new SecurablePath(path.Catalog, path.Schema)),
        _ => securable,
    };
}
