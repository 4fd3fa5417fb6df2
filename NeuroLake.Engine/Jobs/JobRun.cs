using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Jobs;

/// <summary>One run of a job as the history shows it.</summary>
/// <param name="Progress">0–1 while running; 1 once it succeeded.</param>
/// <param name="Step">What it is doing or where it stopped, e.g. "OPTIMIZE: rewriting 12 files".</param>
/// <param name="Summary">What it did, e.g. "OPTIMIZE removed 40 files and added 2 (version 7)".</param>
public sealed record JobRun(
    Guid Id,
    Guid? DefinitionId,
    JobKind Kind,
    SecurablePath? Table,
    string TriggeredBy,
    JobRunStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double Progress,
    string Step,
    string? Summary,
    string? Error,
    string? ExternalId)
{
    public bool IsFinished => Status is JobRunStatus.Succeeded or JobRunStatus.Failed or JobRunStatus.Cancelled or JobRunStatus.Skipped;

    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;
}
