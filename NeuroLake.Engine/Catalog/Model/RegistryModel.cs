using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of the second migration that hold the NUIC registry: pipelines and templates.</summary>
internal static class RegistryModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<PipelineRecord>(entity =>
        {
            entity.ToTable("pipelines");
            entity.Property(p => p.Id).ValueGeneratedNever();
            entity.Property(p => p.Name).HasMaxLength(Identifier.MaxLength);
            entity.Property(p => p.Tags).HasConversion(JsonColumn.ListConverter, JsonColumn.ListComparer);
            entity.HasIndex(p => p.Name).IsUnique();
        });
        model.Entity<PipelineVersionRecord>(entity =>
        {
            entity.ToTable("pipeline_versions");
            entity.HasKey(v => new { v.PipelineId, v.Version });
            entity.HasOne<PipelineRecord>().WithMany(p => p.Versions).HasForeignKey(v => v.PipelineId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TemplateRecord>(entity =>
        {
            entity.ToTable("templates");
            entity.Property(t => t.Id).ValueGeneratedNever();
            entity.Property(t => t.Name).HasMaxLength(Identifier.MaxLength);
            entity.Property(t => t.Tags).HasConversion(JsonColumn.ListConverter, JsonColumn.ListComparer);
            entity.HasIndex(t => t.Name).IsUnique();
        });
    }
}
