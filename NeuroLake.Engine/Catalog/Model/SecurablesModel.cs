using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of the first migration: securables, schema history and the search index.</summary>
internal static class SecurablesModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<CatalogRecord>(entity =>
        {
            entity.ToTable("catalogs");
            Securable(entity);
            entity.HasIndex(c => c.Name).IsUnique();
        });
        model.Entity<SchemaRecord>(entity =>
        {
            entity.ToTable("schemas");
            Securable(entity);
            entity.HasOne(s => s.Catalog).WithMany(c => c.Schemas).HasForeignKey(s => s.CatalogId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(s => new { s.CatalogId, s.Name }).IsUnique();
        });
        model.Entity<TableRecord>(entity =>
        {
            entity.ToTable("tables");
            Securable(entity);
            entity.HasOne(t => t.Schema).WithMany(s => s.Tables).HasForeignKey(t => t.SchemaId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(t => new { t.SchemaId, t.Name }).IsUnique();
            entity.HasIndex(t => t.Location).IsUnique();
            entity.Property(t => t.Location).HasMaxLength(2048);
            entity.Property(t => t.PartitionColumns).HasConversion(JsonColumn.ListConverter, JsonColumn.ListComparer);
            entity.Property(t => t.Properties).HasConversion(JsonColumn.MapConverter, JsonColumn.MapComparer);
        });
        model.Entity<ColumnRecord>(entity =>
        {
            entity.ToTable("columns");
            Securable(entity);
            entity.HasOne(c => c.Table).WithMany(t => t.Columns).HasForeignKey(c => c.TableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(c => new { c.TableId, c.Name }).IsUnique();
            entity.Property(c => c.TypeText).HasMaxLength(4000);
            entity.Property(c => c.SemanticType).HasMaxLength(128);
            entity.Property(c => c.PiiType).HasMaxLength(128);
        });
        model.Entity<SchemaVersionRecord>(entity =>
        {
            entity.ToTable("schema_versions");
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(v => v.TableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(v => new { v.TableId, v.Version }).IsUnique();
        });
        model.Entity<SearchDocumentRecord>(entity =>
        {
            entity.ToTable("search_documents");
            entity.Property(d => d.Id).ValueGeneratedNever();
            entity.Property(d => d.QualifiedName).HasMaxLength(520);
            entity.Property(d => d.Name).HasMaxLength(Identifier.MaxLength);
            entity.Property(d => d.SchemaNameLower).HasMaxLength(Identifier.MaxLength);
            entity.Property(d => d.OwnerLower).HasMaxLength(256);
            entity.HasIndex(d => d.TableId);
            entity.HasIndex(d => d.SchemaId);
        });
        model.Entity<SearchTermRecord>(entity =>
        {
            entity.ToTable("search_terms");
            entity.HasKey(t => new { t.DocumentId, t.Source, t.Term });
            entity.HasOne(t => t.Document).WithMany(d => d.Terms).HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
            var term = entity.Property(t => t.Term).HasMaxLength(Identifier.MaxLength);
            if (postgres)
            {
                // Byte order, so a prefix is a contiguous index range whatever the database's locale.
                term.UseCollation("C");
            }

            // DocumentId last makes both indexes covering for the term lookups search does.
            entity.HasIndex(t => new { t.Source, t.Kind, t.Term, t.DocumentId });
            entity.HasIndex(t => new { t.Term, t.Kind, t.Source, t.DocumentId });
        });
    }

    private static void Securable<T>(EntityTypeBuilder<T> entity) where T : SecurableRecord
    {
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).ValueGeneratedNever();
        entity.Property(s => s.Name).HasMaxLength(Identifier.MaxLength);
        entity.Property(s => s.Owner).HasMaxLength(256);
        entity.Property(s => s.Tags).HasConversion(JsonColumn.ListConverter, JsonColumn.ListComparer);
    }
}
