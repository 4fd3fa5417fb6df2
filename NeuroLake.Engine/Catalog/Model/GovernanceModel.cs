using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Tables of migration M006: groups, their members, grants and row filters.</summary>
internal static class GovernanceModel
{
    public const int PrincipalMaxLength = 256;

    public const int PrivilegeMaxLength = 32;

    public const int PredicateMaxLength = 4000;

    public static void Configure(ModelBuilder model)
    {
        model.Entity<GroupRecord>(entity =>
        {
            entity.ToTable("groups");
            entity.Property(g => g.Id).ValueGeneratedNever();
            entity.Property(g => g.Name).HasMaxLength(Identifier.MaxLength);
            entity.Property(g => g.Description).HasMaxLength(1000);
            entity.HasIndex(g => g.Name).IsUnique();
        });
        model.Entity<GroupMemberRecord>(entity =>
        {
            entity.ToTable("group_members");
            entity.HasKey(m => new { m.GroupId, m.UserName });
            entity.Property(m => m.UserName).HasMaxLength(PrincipalMaxLength);
            entity.HasOne<GroupRecord>().WithMany(g => g.Members).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(m => m.UserName);
        });
        model.Entity<GrantRecord>(entity =>
        {
            entity.ToTable("grants");
            entity.Property(g => g.Id).ValueGeneratedNever();
            entity.Property(g => g.Principal).HasMaxLength(PrincipalMaxLength);
            entity.Property(g => g.Privilege).HasConversion<string>().HasMaxLength(PrivilegeMaxLength);
            entity.Property(g => g.GrantedBy).HasMaxLength(PrincipalMaxLength);
            entity.HasIndex(g => new { g.SecurableId, g.PrincipalKind, g.Principal, g.Privilege }).IsUnique();
            entity.HasIndex(g => new { g.PrincipalKind, g.Principal });
        });
        model.Entity<RowFilterRecord>(entity =>
        {
            entity.ToTable("row_filters");
            entity.Property(f => f.Id).ValueGeneratedNever();
            entity.Property(f => f.GroupName).HasMaxLength(Identifier.MaxLength);
            entity.Property(f => f.Predicate).HasMaxLength(PredicateMaxLength);
            entity.Property(f => f.CreatedBy).HasMaxLength(PrincipalMaxLength);
            entity.HasOne<TableRecord>().WithMany().HasForeignKey(f => f.TableId).OnDelete(DeleteBehavior.Cascade);
            entity.HasIndex(f => new { f.TableId, f.GroupName }).IsUnique();
        });
    }
}
