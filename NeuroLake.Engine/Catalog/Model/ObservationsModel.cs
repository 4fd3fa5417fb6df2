using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of the second migration that observe tables: quality, usage, lineage.</summary>
internal static class ObservationsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<QualityMeasurementRecord>(entity =>
        {
            entity.ToTable("quality_measurements");
            entity.Property(m => m.Id).ValueGeneratedNever();
            entity.Property(m => m.ColumnName).HasMaxLength(Identifier.MaxLength);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(m => m.TableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(m => new { m.TableId, m.MeasuredAt });
        });
        model.Entity<UsageDayRecord>(entity =>
        {
            entity.ToTable("usage_days");
            entity.HasKey(u => new { u.TableId, u.Day, u.UserName });
            entity.Property(u => u.UserName).HasMaxLength(256);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(u => u.TableId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<CoUsageRecord>(entity =>
        {
            entity.ToTable("co_usage");
            entity.HasKey(u => new { u.FirstTableId, u.SecondTableId });
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(u => u.FirstTableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(u => u.SecondTableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(u => u.SecondTableId);
        });
        model.Entity<LineageEdgeRecord>(entity =>
        {
            entity.ToTable("lineage_edges");
            entity.Property(e => e.Id).ValueGeneratedNever();
            entity.Property(e => e.SourceColumn).HasMaxLength(Identifier.MaxLength);
            entity.Property(e => e.TargetColumn).HasMaxLength(Identifier.MaxLength);
            entity.Property(e => e.ProducerId).HasMaxLength(256);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(e => e.SourceTableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(e => e.TargetTableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(e => e.SourceTableId);
            entity.HasIndex(e => e.TargetTableId);
        });
    }
}
