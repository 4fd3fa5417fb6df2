using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M009: recurring job definitions and the history of job runs.</summary>
internal static class JobsModel
{
    public const int NameMaxLength = 200;

    public const int PathMaxLength = 520;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<JobDefinitionRecord>(entity =>
        {
            entity.ToTable("job_definitions");
            entity.Property(d => d.Id).ValueGeneratedNever();
            entity.Property(d => d.Name).HasMaxLength(NameMaxLength);
            entity.Property(d => d.TablePath).HasMaxLength(PathMaxLength);
            entity.Property(d => d.Cron).HasMaxLength(200);
            entity.Property(d => d.TimeZone).HasMaxLength(100);
            entity.Property(d => d.Owner).HasMaxLength(256);
            entity.Property(d => d.PausedBy).HasMaxLength(256);
            entity.HasIndex(d => d.TablePath);
        });
        model.Entity<JobRunRecord>(entity =>
        {
            entity.ToTable("job_runs");
            entity.Property(r => r.Id).ValueGeneratedNever();
            entity.Property(r => r.TablePath).HasMaxLength(PathMaxLength);
            entity.Property(r => r.TriggeredBy).HasMaxLength(256);
            entity.Property(r => r.Step).HasMaxLength(500);
            entity.Property(r => r.ExternalId).HasMaxLength(100);
            entity.HasIndex(r => r.QueuedAt);
            entity.HasIndex(r => new { r.DefinitionId, r.QueuedAt });
            entity.HasIndex(r => r.Status);
        });
    }
}
