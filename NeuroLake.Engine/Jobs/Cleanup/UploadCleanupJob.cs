using NeuroLake.Engine.Settings;

namespace NeuroLake.Engine.Jobs.Cleanup;

/// <summary>Removes ingestion-wizard uploads nobody loaded within their expiry (listings already hide them).</summary>
public sealed class UploadCleanupJob(IExpiringUploads uploads)
{
    public Task<JobOutcome> RunAsync(IProgress<JobStep> progress, CancellationToken ct)
    {
        progress.Report(new JobStep(0, $"looking for uploads older than {RuntimeSettings.Describe(uploads.Expiry)}"));
        CleanupTally removed;
        try
        {
            removed = uploads.DeleteExpired(ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (being loaded) goes on the next run.
            throw new JobException($"An expired upload could not be removed ({e.GetType().Name}); it is tried again on the next run.");
        }

        return Task.FromResult(removed.Count == 0
            ? JobOutcome.Skipped($"No upload is older than {RuntimeSettings.Describe(uploads.Expiry)}: nothing to remove.")
            : JobOutcome.Done(removed.Describe("upload")));
    }
}
