using Microsoft.AspNetCore.Identity;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Audit;

/// <summary>
/// Records what an administrator changes on the admin pages (accounts, groups, grants) as the signed-in user, with
/// its outcome: a refused change is audited too, since an attempt is what an auditor looks for. Page grants and
/// revokes are <see cref="AuditAction.Grant"/>/<see cref="AuditAction.Revoke"/> like their SQL statements; the rest
/// is <see cref="AuditAction.AdminChange"/>. The engine's stores do not audit themselves because SQL GRANT already is
/// (as its statement), and would be recorded twice.
/// </summary>
public sealed class AdminAudit(AuditLog log, IWorkbenchUser user)
{
    /// <summary>Runs a governance change and records it; returns null when it went through, else the message to show (as <see cref="Governance.GovernanceCall"/>).</summary>
    /// <remarks>Input the page could not read (<see cref="FormatException"/>) never reached the engine: nothing is recorded.</remarks>
    public async Task<string?> RunAsync(AuditAction action, string target, string details, Func<Task> change) =>
        (await AttemptAsync(action, target, details, change))?.Message;

    /// <summary>
    /// As <see cref="RunAsync"/>, but answers the refusal itself (<see cref="PermissionDeniedException"/>, another
    /// <see cref="NeuroLakeException"/> or a <see cref="FormatException"/>), so the API can tell 403 from 400.
    /// </summary>
    public async Task<Exception?> AttemptAsync(AuditAction action, string target, string details, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (PermissionDeniedException denied)
        {
            await RecordAsync(action, target, AuditOutcome.Denied, $"{details}\n-- {denied.Message}");
            return denied;
        }
        catch (NeuroLakeException refused)
        {
            await RecordAsync(action, target, AuditOutcome.Failed, $"{details}\n-- {refused.Message}");
            return refused;
        }
        catch (FormatException unreadable)
        {
            return unreadable;
        }

        await RecordAsync(action, target, AuditOutcome.Succeeded, details);
        return null;
    }

    /// <summary>Awaits an account change and records it as an <see cref="AuditAction.AdminChange"/> on <c>account &lt;name&gt;</c>.</summary>
    public async Task<IdentityResult> AccountAsync(string account, string details, Task<IdentityResult> change)
    {
        var result = await change;
        var outcome = result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Failed;
        var why = result.Succeeded ? "" : "\n-- " + string.Join(" ", result.Errors.Select(e => e.Description));
        await RecordAsync(AuditAction.AdminChange, "account " + account, outcome, details + why);
        return result;
    }

    private Task RecordAsync(AuditAction action, string target, AuditOutcome outcome, string details) =>
        log.RecordAsync(new AuditEvent(user.Name, action, target, outcome, details));
}
