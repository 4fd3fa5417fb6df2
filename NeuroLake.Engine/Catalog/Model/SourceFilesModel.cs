using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M004: source files loaded into tables.</summary>
internal static class SourceFilesModel
{
    public const int FileNameMaxLength = 512;

    public static void Configure(ModelBuilder model) =>
        model.Entity<SourceFileRecord>(entity =>
        {
            entity.ToTable("source_files");
            entity.Property(f => f.Id).ValueGeneratedNever();
            entity.Property(f => f.FileName).HasMaxLength(FileNameMaxLength);
            entity.Property(f => f.Sha256).HasMaxLength(64);
            entity.Property(f => f.ProducerId).HasMaxLength(256);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(f => f.TableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(f => new { f.TableId, f.IngestedAt });
        });
}
