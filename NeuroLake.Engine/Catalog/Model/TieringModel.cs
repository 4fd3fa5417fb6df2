using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M014: where tiered files are, and per-table placement overrides.</summary>
internal static class TieringModel
{
    public const int KeyMaxLength = 1024;
    public const int UriMaxLength = 2048;
    public const int ETagMaxLength = 256;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<FilePlacementRecord>(entity =>
        {
            entity.ToTable("file_placements");
            // One placement per table file: the key is what the Delta log names.
            entity.HasKey(p => new { p.TableId, p.Key });
            entity.Property(p => p.Key).HasMaxLength(KeyMaxLength);
            entity.Property(p => p.ObjectUri).HasMaxLength(UriMaxLength);
            entity.Property(p => p.Checksum).HasMaxLength(64);
            entity.Property(p => p.ETag).HasMaxLength(ETagMaxLength);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(p => p.TableId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TierOverrideRecord>(entity =>
        {
            entity.ToTable("table_tier_overrides");
            entity.HasKey(o => o.TableId);
            entity.Property(o => o.SetBy).HasMaxLength(256);
            entity.HasOne<TableRecord>().WithOne().HasForeignKey<TierOverrideRecord>(o => o.TableId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
