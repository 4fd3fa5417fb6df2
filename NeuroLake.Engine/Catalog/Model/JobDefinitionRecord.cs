using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A recurring job as the catalog keeps it; the scheduler mirrors the unpaused ones into Hangfire.</summary>
internal sealed class JobDefinitionRecord
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public JobKind Kind { get; set; }

    /// <summary>The table the job works on (<c>catalog.schema.table</c>), or null for jobs over the whole lakehouse.</summary>
    public string? TablePath { get; set; }

    public string Cron { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public string SettingsJson { get; set; } = "{}";

    /// <summary>The user the job runs as: its statements are theirs, checked by their privileges.</summary>
    public string Owner { get; set; } = "";

    public DateTimeOffset? PausedAt { get; set; }

    public string? PausedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
