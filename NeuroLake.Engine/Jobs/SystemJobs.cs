namespace NeuroLake.Engine.Jobs;

/// <summary>
/// The jobs NeuroLake keeps for itself: created at start under fixed ids (so a restart finds them rather than adding
/// more), owned by <see cref="Owner"/> so only administrators manage them. They may be paused or rescheduled, not deleted.
/// </summary>
public static class SystemJobs
{
    /// <summary>The owner of system jobs; not a user anyone signs in as.</summary>
    public const string Owner = "system";

    public static readonly Guid UploadCleanupId = new("5e1f0a7c-0d1e-4c1a-9a51-000000000001");

    public static readonly Guid ScratchCleanupId = new("5e1f0a7c-0d1e-4c1a-9a51-000000000002");

    public static readonly Guid StorageMeteringId = new("5e1f0a7c-0d1e-4c1a-9a51-000000000003");

    /// <summary>Each system job's id and the definition it starts with (cleanups hourly, half an hour apart; metering daily).</summary>
    public static IReadOnlyList<(Guid Id, JobDraft Draft)> Defaults { get; } =
    [
        (UploadCleanupId, new JobDraft("Remove expired uploads", JobKind.UploadCleanup, null, "0 * * * *")),
        (ScratchCleanupId, new JobDraft("Remove stale scratch files", JobKind.ScratchCleanup, null, "30 * * * *")),
        (StorageMeteringId, new JobDraft("Meter storage and prune usage", JobKind.StorageMetering, null, "15 0 * * *")),
    ];

    public static bool IsSystemKind(JobKind kind) => kind is JobKind.UploadCleanup or JobKind.ScratchCleanup or JobKind.StorageMetering;

    public static bool IsSystem(JobDefinition job) => IsSystemKind(job.Kind);
}
