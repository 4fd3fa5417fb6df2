using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Jobs;

/// <summary>Where a job run is. Stored as its number: append, never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunStatus>))]
public enum JobRunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>Stopped on request; what it had committed before stays, nothing half-done does.</summary>
    Cancelled = 4,

    /// <summary>Ran, found nothing to do (e.g. fewer small files than its policy's threshold).</summary>
    Skipped = 5,
}
