using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M005: commits ratified by the catalog as commit coordinator.</summary>
internal static class CommitsModel
{
    public const int LocationMaxLength = 1024;

    public const int KeyMaxLength = 512;

    public static void Configure(ModelBuilder model) =>
        model.Entity<RatifiedCommitRecord>(entity =>
        {
            entity.ToTable("ratified_commits");
            // The primary key is the uniqueness that makes one writer win each version.
            entity.HasKey(c => new { c.Location, c.Key });
            entity.Property(c => c.Location).HasMaxLength(LocationMaxLength);
            entity.Property(c => c.Key).HasMaxLength(KeyMaxLength);
        });
}
