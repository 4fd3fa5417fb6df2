using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migrations M012 (metered work, daily table storage and price books) and M015 (file cache samples).</summary>
internal static class MeteringModel
{
    public const int KindMaxLength = 100;
    public const int OutcomeMaxLength = 20;
    public const int TableNameMaxLength = 3 * Identifier.MaxLength + 2;
    public const int TextMaxLength = 200;
    public const int CurrencyMaxLength = 3;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<MeteredWorkRecord>(entity =>
        {
            entity.ToTable("metered_work");
            entity.Property(w => w.Id).ValueGeneratedNever();
            entity.Property(w => w.UserName).HasMaxLength(256);
            entity.Property(w => w.Kind).HasMaxLength(KindMaxLength);
            entity.Property(w => w.Outcome).HasMaxLength(OutcomeMaxLength);
            entity.HasIndex(w => w.StartedAt);
        });
        model.Entity<TableStorageDayRecord>(entity =>
        {
            entity.ToTable("table_storage_days");
            entity.HasKey(s => new { s.Day, s.TableName, s.Tier });
            entity.Property(s => s.TableName).HasMaxLength(TableNameMaxLength);
        });
        model.Entity<PriceBookRecord>(entity =>
        {
            entity.ToTable("price_books");
            entity.Property(p => p.Id).ValueGeneratedNever();
            entity.Property(p => p.Name).HasMaxLength(TextMaxLength);
            entity.Property(p => p.Source).HasMaxLength(TextMaxLength);
            entity.Property(p => p.Currency).HasMaxLength(CurrencyMaxLength);
            entity.Property(p => p.EnteredBy).HasMaxLength(256);
            entity.HasIndex(p => p.EnteredAt);
        });
        model.Entity<CacheSampleRecord>(entity =>
        {
            entity.ToTable("cache_samples");
            entity.Property(s => s.Id).ValueGeneratedNever();
            entity.HasIndex(s => s.TakenAt);
        });
    }
}
