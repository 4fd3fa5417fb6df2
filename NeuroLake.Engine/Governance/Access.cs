namespace NeuroLake.Engine.Governance;

/// <summary>What one user may do on one securable, with the reasons: administration, ownership, grants down the chain.</summary>
internal sealed class Access
{
    private readonly HashSet<Privilege> _held = [];

    private Access(Securable securable, bool exists)
    {
        Securable = securable;
        Exists = exists;
    }

    public Securable Securable { get; }

    /// <summary>Whether the securable is in the catalog (a missing one is judged by its ancestors' grants).</summary>
    public bool Exists { get; }

    /// <summary>Administrators, owners of the securable or an ancestor, and everyone in single-user mode.</summary>
    public bool IsOwnerOrAdmin { get; private set; }

    public List<EffectivePrivilege> Reasons { get; } = [];

    public bool Has(Privilege privilege) => IsOwnerOrAdmin || _held.Contains(privilege) || _held.Contains(Privilege.AllPrivileges);

    /// <summary>USE CATALOG and USE SCHEMA (names are visible) and SELECT (rows are readable).</summary>
    public bool CanSelect => Has(Privilege.UseCatalog) && Has(Privilege.UseSchema) && Has(Privilege.Select);

    public static Access Everything(Securable securable, string reason)
    {
        var access = new Access(securable, exists: true) { IsOwnerOrAdmin = true };
        access.Reasons.Add(new EffectivePrivilege(Privilege.AllPrivileges, reason));
        return access;
    }

    public static Access Of(UserGrants user, Securable securable, IReadOnlyList<SecurableLink> chain)
    {
        var access = new Access(securable, SecurableChain.Reaches(chain, securable));
        if (user.IsAdmin)
        {
            access.IsOwnerOrAdmin = true;
            access.Reasons.Add(new EffectivePrivilege(Privilege.AllPrivileges, $"ALL PRIVILEGES as a member of group {RoleGroups.Admin} (administrator)"));
        }

        foreach (var link in chain)
        {
            if (link.Owner.Length > 0 && string.Equals(link.Owner, user.User, StringComparison.OrdinalIgnoreCase))
            {
                access.IsOwnerOrAdmin = true;
                access.Reasons.Add(new EffectivePrivilege(Privilege.AllPrivileges, $"ALL PRIVILEGES as owner of {link.Securable}"));
            }
            else if (user.Groups.Contains(link.Owner, StringComparer.OrdinalIgnoreCase))
            {
                // A group may own a securable (ALTER ... OWNER TO a group): its members are owners.
                access.IsOwnerOrAdmin = true;
                access.Reasons.Add(new EffectivePrivilege(Privilege.AllPrivileges, $"ALL PRIVILEGES as a member of group {link.Owner}, owner of {link.Securable}"));
            }

            foreach (var grant in user.BySecurable[link.Id])
            {
                access._held.Add(grant.Privilege);
                var from = grant.PrincipalKind == PrincipalKind.Group ? $"group {grant.Principal}" : $"a grant to user {grant.Principal}";
                access.Reasons.Add(new EffectivePrivilege(grant.Privilege, $"{PrivilegeNames.Sql(grant.Privilege)} from {from} on {link.Securable}"));
            }
        }

        return access;
    }
}
