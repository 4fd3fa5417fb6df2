using NeuroLake.Engine.Catalog;

namespace NeuroLake.Engine.Jobs;

/// <summary>What a user fills in to create or change a recurring job.</summary>
/// <param name="Pipeline">The saved pipeline a <see cref="JobKind.Pipeline"/> job runs; null for every other kind.</param>
public sealed record JobDraft(
    string Name,
    JobKind Kind,
    SecurablePath? Table,
    string Cron,
    string TimeZone = "UTC",
    MaintenanceSettings? Maintenance = null,
    string? Pipeline = null)
{
    /// <summary>Throws <see cref="JobException"/> naming what to change; returns the parsed schedule.</summary>
    public CronSchedule Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > Catalog.Model.JobsModel.NameMaxLength)
        {
            throw new JobException($"Give the job a name of 1 to {Catalog.Model.JobsModel.NameMaxLength} characters.");
        }

        var needsTable = Kind is JobKind.TableMaintenance or JobKind.QualityReprofile;
        if (needsTable && Table?.Table is null)
        {
            throw new JobException($"A {Kind} job works on one table: name it as catalog.schema.table.");
        }

        if (!needsTable && Table is not null)
        {
            throw new JobException($"A {Kind} job covers the whole lakehouse: leave the table empty.");
        }

        if (Kind == JobKind.TableMaintenance)
        {
            (Maintenance ?? throw new JobException("A maintenance job needs its settings: OPTIMIZE, VACUUM or both.")).Validate();
        }
        else if (Maintenance is not null)
        {
            throw new JobException($"Maintenance settings apply to maintenance jobs only, not to a {Kind} job.");
        }

        if (Kind == JobKind.Pipeline && string.IsNullOrWhiteSpace(Pipeline))
        {
            throw new JobException("A pipeline job runs one saved pipeline: name it (see the Pipelines page).");
        }

        if (Kind != JobKind.Pipeline && Pipeline is not null)
        {
            throw new JobException($"A pipeline name applies to pipeline jobs only, not to a {Kind} job.");
        }

        return CronSchedule.Parse(Cron, TimeZone);
    }
}
