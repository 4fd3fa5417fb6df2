namespace NeuroLake.Engine.Jobs;

/// <summary>One finished run of a recurring job on its duration trend: when it started, how long it took, how it ended.</summary>
public sealed record JobRunDuration(Guid RunId, DateTimeOffset StartedAt, TimeSpan Duration, JobRunStatus Status);
