using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Governance;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Governance;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Administrators see and change grants two ways: on a securable (who holds what there) and of a principal (what it
/// was granted, and for a user what they effectively hold on a securable and why). Changes go through the engine's
/// <see cref="GrantStore"/> as the signed-in administrator, which checks again.
/// </summary>
public partial class Grants
{
    private readonly HashSet<Privilege> _chosen = [];
    private string? _securableText;
    private Securable? _securable;
    private IReadOnlyList<GrantInfo> _securableGrants = [];
    private PrincipalKind _granteeKind = PrincipalKind.Group;
    private string? _granteeName;
    private PrincipalKind _principalKind = PrincipalKind.User;
    private string? _principalName;
    private Principal? _principal;
    private IReadOnlyList<GrantInfo> _principalGrants = [];
    private string? _explainText;
    private Securable? _explained;
    private IReadOnlyList<EffectivePrivilege>? _explanation;
    private string? _error;
    private string? _notice;

    [Inject]
    private GrantStore Store { get; set; } = default!;

    [Inject]
    private PrivilegeEvaluator Privileges { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private AuditedGrants Changes { get; set; } = default!;

    /// <summary>The privileges that mean something on <paramref name="securable"/>, ALL PRIVILEGES last.</summary>
    private static IEnumerable<Privilege> Applicable(Securable securable) =>
        PrivilegeNames.Each.Append(Privilege.AllPrivileges).Where(p => PrivilegeNames.AppliesTo(p, securable.Level));

    private void Choose(Privilege privilege, bool on)
    {
        if (on)
        {
            _chosen.Add(privilege);
        }
        else
        {
            _chosen.Remove(privilege);
        }
    }

    private Task ShowSecurableAsync() => RunAsync(async () =>
    {
        var securable = SecurableInput.Parse(_securableText);
        _securableGrants = await Store.ListAsync(User.Name, on: securable);
        _securable = securable;
        _chosen.RemoveWhere(p => !PrivilegeNames.AppliesTo(p, securable.Level));
    });

    private Task ShowPrincipalAsync() => RunAsync(async () =>
    {
        var name = _principalName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new FormatException("Type the name of a user or a group to see its grants.");
        }

        var principal = new Principal(_principalKind, name);
        _principalGrants = await Store.ListAsync(User.Name, to: principal);
        _principal = principal;
        _explanation = null;
    });

    private Task ExplainAsync() => RunAsync(async () =>
    {
        var securable = SecurableInput.Parse(_explainText);
        _explanation = await Privileges.ExplainAsync(_principal!.Name, securable);
        _explained = securable;
    });

    private Task GrantAsync()
    {
        var grantee = new Principal(_granteeKind, _granteeName?.Trim() ?? string.Empty);
        var privileges = _chosen.ToList();
        var on = _securable!;
        return ChangeAsync(
            Changes.GrantAsync(privileges, on, grantee),
            $"Granted {Describe(privileges)} on {on} to {grantee}.");
    }

    private Task RevokeChosenAsync()
    {
        var grantee = new Principal(_granteeKind, _granteeName?.Trim() ?? string.Empty);
        var privileges = _chosen.ToList();
        var on = _securable!;
        if (privileges.Count == 0)
        {
            _notice = null;
            _error = "Tick the privileges to revoke, or use Revoke on a row of the list.";
            return Task.CompletedTask;
        }

        return ChangeAsync(
            Changes.RevokeAsync(privileges, on, grantee),
            $"Revoked {Describe(privileges)} on {on} from {grantee}.");
    }

    private Task RevokeOneAsync(GrantInfo grant) =>
        ChangeAsync(
            Changes.RevokeAsync([grant.Privilege], grant.Securable, grant.Principal),
            $"Revoked {PrivilegeNames.Sql(grant.Privilege)} on {grant.Securable} from {grant.Principal}.");

    private static string Describe(IEnumerable<Privilege> privileges) => string.Join(", ", privileges.Select(PrivilegeNames.Sql));

    /// <summary>A change (audited by <see cref="AuditedGrants"/>, refusals too), then both views reloaded so they show what is stored now.</summary>
    private async Task ChangeAsync(Task<Exception?> change, string done)
    {
        _notice = null;
        _error = (await change)?.Message;
        if (_error is not null)
        {
            return;
        }

        _notice = done;
        _error = await GovernanceCall.RunAsync(async () =>
        {
            if (_securable is not null)
            {
                _securableGrants = await Store.ListAsync(User.Name, on: _securable);
            }

            if (_principal is not null)
            {
                _principalGrants = await Store.ListAsync(User.Name, to: _principal);
            }

            _explanation = _explained is null || _principal is not { Kind: PrincipalKind.User } ? null : await Privileges.ExplainAsync(_principal.Name, _explained);
        });
    }

    private async Task RunAsync(Func<Task> action)
    {
        _notice = null;
        _error = await GovernanceCall.RunAsync(action);
    }
}
