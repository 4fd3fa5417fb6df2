using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Web.Identity.Store;

/// <summary>The <c>access_tokens</c> table: personal access tokens, found by the hash of their secret.</summary>
internal static class AccessTokensModel
{
    public const int IdMaxLength = 64;

    public const int NameMaxLength = 100;

    public const int HashLength = 64;

    public static void Configure(ModelBuilder model) =>
        model.Entity<AccessTokenRecord>(entity =>
        {
            entity.ToTable("access_tokens");
            entity.HasKey(t => t.Id);
            entity.Property(t => t.Id).HasMaxLength(IdMaxLength);
            entity.Property(t => t.Name).HasMaxLength(NameMaxLength);
            entity.Property(t => t.SecretHash).HasMaxLength(HashLength);
            entity.HasIndex(t => t.SecretHash).IsUnique();
            entity.HasIndex(t => t.AccountId);
            entity.HasOne<WorkbenchAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
}
