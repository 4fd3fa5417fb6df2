using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NeuroLake.Web.Identity.Store;

/// <summary>
/// Accounts, roles and personal access tokens. They live in the catalog's database (same SQLite file or PostgreSQL
/// database) with their own migrations and history table, so the engine's catalog chain stays the engine's.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<WorkbenchAccount>(options)
{
    /// <summary>The table recording which of <see cref="Migrations"/> ran.</summary>
    public const string MigrationsHistoryTable = "__accounts_migrations";

    public DbSet<AccessTokenRecord> AccessTokens => Set<AccessTokenRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AccessTokensModel.Configure(builder);
    }
}
