using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M011: in-app notifications and who has read each.</summary>
internal static class NotificationsModel
{
    public const int NoteMaxLength = 500;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<NotificationRecord>(entity =>
        {
            entity.ToTable("notifications");
            entity.Property(n => n.Id).ValueGeneratedNever();
            entity.Property(n => n.Recipient).HasMaxLength(256);
            entity.Property(n => n.JobName).HasMaxLength(JobsModel.NameMaxLength);
            entity.Property(n => n.TablePath).HasMaxLength(JobsModel.PathMaxLength);
            entity.Property(n => n.DeliveryNote).HasMaxLength(NoteMaxLength);
            entity.HasIndex(n => new { n.Recipient, n.CreatedAt });
            entity.HasIndex(n => n.CreatedAt);
            entity.HasIndex(n => n.RunId);
        });
        model.Entity<NotificationReadRecord>(entity =>
        {
            entity.ToTable("notification_reads");
            entity.HasKey(r => new { r.NotificationId, r.UserName });
            entity.Property(r => r.UserName).HasMaxLength(256);
            entity.HasOne<NotificationRecord>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
