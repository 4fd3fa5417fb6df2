using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>The query history table of the third migration.</summary>
internal static class HistoryModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<QueryHistoryRecord>(entity =>
        {
            entity.ToTable("query_history");
            entity.Property(h => h.Id).ValueGeneratedNever();
            entity.Property(h => h.UserName).HasMaxLength(256);
            entity.HasIndex(h => h.StartedTicks);
            entity.HasIndex(h => new { h.UserName, h.StartedTicks });
        });
}
