namespace NeuroLake.Engine.Configuration;

/// <summary>The job scheduler's settings, bound from <c>NeuroLake:Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>Jobs that run at the same time. Default 2; must be positive.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Queues this app's workers take jobs from, most urgent first. Default <c>maintenance</c>, <c>backup</c>,
    /// <c>tiering</c>, <c>default</c>; maintenance jobs go to <c>maintenance</c>, the rest to <c>default</c>.
    /// </summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>Days finished runs stay in the history. Default 30; must be positive.</summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>Finished runs kept per recurring job whatever their age allows. Default 100; must be positive.</summary>
    public int HistoryRunsPerJob { get; set; } = 100;

    /// <summary>
    /// Where a failed job is announced with an HTTP POST of JSON; empty for none. An administrator may change it in
    /// Admin → Settings.
    /// </summary>
    public string? FailureWebhookUrl { get; set; }

    /// <summary>
    /// How often the scheduler looks for recurring jobs whose time has come (and delayed jobs). Default 15 seconds, so a
    /// job fires at most this late; must be positive.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<string> EffectiveQueues => Queues.Count > 0 ? Queues : ["maintenance", "backup", "tiering", "default"];
}
