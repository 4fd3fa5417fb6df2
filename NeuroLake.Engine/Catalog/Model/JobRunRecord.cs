using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>One run of a job, scheduled or run by hand; kept until history retention removes it.</summary>
internal sealed class JobRunRecord
{
    public Guid Id { get; set; }

    public Guid? DefinitionId { get; set; }

    public JobKind Kind { get; set; }

    public string? TablePath { get; set; }

    public string TriggeredBy { get; set; } = "";

    public JobRunStatus Status { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public double Progress { get; set; }

    public string Step { get; set; } = "";

    public string? Summary { get; set; }

    public string? Error { get; set; }

    /// <summary>The scheduler's id for the run (a Hangfire job id), to cancel or retry it there.</summary>
    public string? ExternalId { get; set; }
}
