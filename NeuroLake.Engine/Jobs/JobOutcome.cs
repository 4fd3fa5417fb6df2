namespace NeuroLake.Engine.Jobs;

/// <summary>How a job body ended when it did not throw: succeeded, or skipped because there was nothing to do.</summary>
/// <param name="Summary">What it did (or why it did nothing), in words for the history.</param>
public sealed record JobOutcome(JobRunStatus Status, string Summary)
{
    public static JobOutcome Done(string summary) => new(JobRunStatus.Succeeded, summary);

    public static JobOutcome Skipped(string summary) => new(JobRunStatus.Skipped, summary);
}
