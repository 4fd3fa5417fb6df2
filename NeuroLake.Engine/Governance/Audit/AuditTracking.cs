namespace NeuroLake.Engine.Governance.Audit;

/// <summary>Audits a piece of work by how it ends: succeeded, cancelled, or failed with its error.</summary>
public static class AuditTracking
{
    /// <summary>
    /// Runs <paramref name="work"/> and queues an audit entry of <paramref name="user"/>'s <paramref name="action"/> on
    /// <paramref name="target"/> with its outcome (a failure's details end with its error), then returns or rethrows.
    /// With no <paramref name="audit"/> the work just runs.
    /// </summary>
    public static async Task<T> TrackAsync<T>(this AuditLog? audit, string user, AuditAction action, string target, string details, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (audit is null)
        {
            return await work().ConfigureAwait(false);
        }

        try
        {
            var result = await work().ConfigureAwait(false);
            await audit.QueueAsync(new AuditEvent(user, action, target, AuditOutcome.Succeeded, details)).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException)
        {
            await audit.QueueAsync(new AuditEvent(user, action, target, AuditOutcome.Cancelled, details)).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            await audit.QueueAsync(new AuditEvent(user, action, target, AuditOutcome.Failed, $"{details}\n{e.Message}")).ConfigureAwait(false);
            throw;
        }
    }
}
