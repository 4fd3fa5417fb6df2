using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Jobs;

/// <summary>A recurring job: what it does, on what, when, as whom, and whether it is paused.</summary>
/// <param name="Table">The table it works on; null for lakehouse-wide jobs.</param>
/// <param name="Maintenance">The maintenance settings of a <see cref="JobKind.TableMaintenance"/> job; null otherwise.</param>
/// <param name="Owner">The user it runs as: its statements are checked by their privileges.</param>
/// <param name="Pipeline">The saved pipeline a <see cref="JobKind.Pipeline"/> job runs; null otherwise.</param>
/// <param name="PausedAt">When it was paused; null while it fires on its schedule.</param>
public sealed record JobDefinition(
    Guid Id,
    string Name,
    JobKind Kind,
    SecurablePath? Table,
    string Cron,
    string TimeZone,
    MaintenanceSettings? Maintenance,
    string Owner,
    DateTimeOffset? PausedAt,
    string? PausedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Pipeline = null)
{
    public bool IsPaused => PausedAt is not null;

    public CronSchedule Schedule => CronSchedule.Parse(Cron, TimeZone);
}
