namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>The ingestion wizard's staged uploads as the cleanup job sees them (the web host keeps them).</summary>
public interface IExpiringUploads
{
    /// <summary>How long an upload nobody loaded stays (Admin → Settings, upload expiry).</summary>
    TimeSpan Expiry { get; }

    /// <summary>Removes every upload past its expiry, one whole upload at a time; stops between uploads when <paramref name="ct"/> fires.</summary>
    CleanupTally DeleteExpired(CancellationToken ct);
}
