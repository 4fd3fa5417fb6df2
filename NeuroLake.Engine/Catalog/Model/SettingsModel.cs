using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>The table of migration M010: run-time settings overridden by an administrator.</summary>
internal static class SettingsModel
{
    public const int KeyMaxLength = 100;

    public static void Configure(ModelBuilder model) =>
        model.Entity<SettingRecord>(entity =>
        {
            entity.ToTable("settings");
            entity.HasKey(s => s.Key);
            entity.Property(s => s.Key).HasMaxLength(KeyMaxLength);
            entity.Property(s => s.UpdatedBy).HasMaxLength(256);
        });
}
