using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;
using Npgsql;

namespace NeuroLake.Tests.Web.Identity;

/// <summary>The hand-written accounts migration serves every mapped column, and the whole flow works, on both catalog providers.</summary>
public sealed class AccountsDatabaseTests
{
    [Fact]
    public async Task On_sqlite_the_migrated_tables_have_every_mapped_column_beside_the_catalog()
    {
        await using var app = AccountsApp.Create(withAdmin: true);

        await AssertEveryColumnExistsAsync(app);
        await AssertSignInAndTokenWorkAsync(app);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")), "The accounts live in the catalog's SQLite file.");
    }

    [PostgresFact]
    public async Task On_postgres_the_migrated_tables_have_every_mapped_column_and_sign_in_and_tokens_work()
    {
        await PostgresCatalogSettings.RunAsync("neurolake_accounts", async catalog =>
        {
            await using var app = AccountsApp.Create(withAdmin: true, catalog);
            await AssertEveryColumnExistsAsync(app);
            await AssertSignInAndTokenWorkAsync(app);
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "catalog.db")), "A SQLite file was created although PostgreSQL was configured.");
        });
    }

    private static async Task AssertEveryColumnExistsAsync(WorkbenchAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.NotNull(db.Model.FindEntityType(typeof(AccessTokenRecord)));
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName()}\""));
#pragma warning disable EF1002 // names come from the model, not from users
            await db.Database.ExecuteSqlRawAsync($"SELECT {columns} FROM \"{table}\" WHERE 1 = 0");
#pragma warning restore EF1002
        }

        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    private static async Task AssertSignInAndTokenWorkAsync(WorkbenchAppFactory app)
    {
        using var client = app.Browser();
        using var signedIn = await client.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var token = await AccessTokenTests.CreateTokenAsync(app, "scripter");
        using var ok = await AccessTokenTests.SqlAsync(app, token.Secret, "SELECT 7");
        await app.Services.GetRequiredService<AccessTokens>().RevokeAsync(token.Token.AccountId, token.Token.Id, CancellationToken.None);
        using var revoked = await AccessTokenTests.SqlAsync(app, token.Secret, "SELECT 7");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
