namespace NeuroLake.Engine.Notifications;

/// <summary>
/// Announces a failed job run somewhere else than the in-app list (the Web host's failure webhook). Called on the
/// job's own path, so it must only hand the failure over (queue it) and return at once.
/// </summary>
public interface IJobFailureAnnouncer
{
    void Announce(JobFailure failure);
}
