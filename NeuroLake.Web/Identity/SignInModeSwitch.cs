using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;

namespace NeuroLake.Web.Identity;

/// <summary>
/// Switches the sign-in mode while the workbench runs, for Admin → Settings and the settings API alike, with the checks
/// that keep it safe: only an administrator may; turning sign-in off needs an explicit confirmation that the port is
/// then open to everyone; turning it on needs an enabled administrator account with a password, so someone (the
/// administrator doing it too) can sign in afterwards. A switch is stored and audited by <see cref="SettingsStore"/>;
/// a refused one is audited here as a failed change of the same setting.
/// </summary>
public sealed class SignInModeSwitch(
    SettingsStore settings, AccountDirectory accounts, GroupDirectory groups, PrivilegeEvaluator privileges, AuditLog audit, IWorkbenchUser user)
{
    /// <summary>What turning sign-in off means; the confirmation dialog shows exactly this.</summary>
    public const string SingleUserWarning =
        "Single-user mode turns sign-in off: anyone who can reach this workbench's port becomes an administrator without a password, " +
        "and may read every table with personal data unmasked, change or delete any table, grant privileges and change these settings. " +
        "Privileges, masks and row filters stop applying. Use it only on a one-person machine whose port nobody else can reach.";

    private const string Target = "setting " + nameof(RuntimeSettings.AuthMode);

    /// <summary>The enabled accounts in group admin that have a password: who can sign in once sign-in is on.</summary>
    public async Task<IReadOnlyList<string>> AdministratorsWhoCanSignInAsync(CancellationToken ct)
    {
        return (await EnabledAdministrators.ListAsync(accounts, groups, ct)).Where(a => a.HasPassword).Select(a => a.UserName).ToList();
    }

    /// <summary>Makes <paramref name="mode"/> the sign-in mode from the next request on.</summary>
    /// <param name="openToEveryoneConfirmed">The administrator confirmed <see cref="SingleUserWarning"/>; needed to turn sign-in off.</param>
    /// <exception cref="PermissionDeniedException">The caller is not an administrator.</exception>
    /// <exception cref="SignInModeRefusedException">Unconfirmed, or nobody could sign in afterwards; nothing changed.</exception>
    public async Task SwitchAsync(AuthMode mode, bool openToEveryoneConfirmed, CancellationToken ct)
    {
        var actor = user.Name;
        var details = $"Sign-in mode: {settings.Current.AuthMode} → {mode}";
        if (!await privileges.IsAdminAsync(actor, ct))
        {
            await RecordAsync(actor, AuditOutcome.Denied, details + "\n-- not an administrator", ct);
            throw new PermissionDeniedException("permission denied: only workbench administrators (members of group admin) may change the sign-in mode.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new SignInModeRefusedException($"Sign-in mode {(int)mode} is not a mode: give Accounts (people sign in) or Single (no sign-in).");
        }

        if (mode == settings.Current.AuthMode)
        {
            return;
        }

        if (await RefusalAsync(mode, openToEveryoneConfirmed, ct) is { } refusal)
        {
            await RecordAsync(actor, AuditOutcome.Failed, $"{details}\n-- {refusal}", ct);
            throw new SignInModeRefusedException(refusal);
        }

        await settings.SetAuthModeAsync(mode, actor, ct);
    }

    private async Task<string?> RefusalAsync(AuthMode mode, bool openToEveryoneConfirmed, CancellationToken ct)
    {
        if (mode == AuthMode.Single)
        {
            return openToEveryoneConfirmed ? null
                : "Turning sign-in off was not confirmed. " + SingleUserWarning + " Confirm that to switch.";
        }

        return (await AdministratorsWhoCanSignInAsync(ct)).Count > 0 ? null
            : "Nobody could sign in afterwards: there is no enabled administrator account with a password. " +
              "Create one first (Admin → Users: add a user, then add it to group admin on Admin → Groups), then switch.";
    }

    private Task RecordAsync(string actor, AuditOutcome outcome, string details, CancellationToken ct) =>
        audit.RecordAsync(new AuditEvent(actor, AuditAction.AdminChange, Target, outcome, details), ct);
}
