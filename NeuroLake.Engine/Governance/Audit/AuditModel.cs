using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Governance.Audit;

/// <summary>The <c>audit_log</c> table of migration M007.</summary>
internal static class AuditModel
{
    public const string Table = "audit_log";
    public const int UserMaxLength = 256;
    public const int ActionMaxLength = 32;
    public const int TargetMaxLength = 1024;

    public static void Configure(ModelBuilder model) =>
        model.Entity<AuditRecord>(entity =>
        {
            entity.ToTable(Table);
            entity.Property(a => a.Id).ValueGeneratedNever();
            entity.Property(a => a.UserName).HasMaxLength(UserMaxLength);
            entity.Property(a => a.Action).HasMaxLength(ActionMaxLength);
            entity.Property(a => a.Outcome).HasMaxLength(ActionMaxLength);
            entity.Property(a => a.Target).HasMaxLength(TargetMaxLength);
            entity.Property(a => a.TargetSearch).HasMaxLength(TargetMaxLength);
            entity.HasIndex(a => a.AtTicks);
            entity.HasIndex(a => new { a.UserName, a.AtTicks });
            entity.HasIndex(a => new { a.Action, a.AtTicks });
        });
}
