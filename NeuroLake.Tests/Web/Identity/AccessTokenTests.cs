using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Tests.Web.Identity;

public sealed class AccessTokenTests
{
    [Fact]
    public async Task A_bearer_token_runs_sql_as_its_user()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await CreateTokenAsync(app, "linus");

        using var response = await SqlAsync(app, token.Secret, "SELECT 42 AS answer");
        var history = await app.Services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch("linus", Limit: 10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("42", await response.Content.ReadAsStringAsync());
        Assert.Contains(history, entry => entry.Sql.Contains("SELECT 42", StringComparison.Ordinal));
        var listed = await app.Services.GetRequiredService<AccessTokens>().ListAsync(token.Token.AccountId, CancellationToken.None);
        Assert.NotNull(Assert.Single(listed).LastUsedAt);
    }

    [Fact]
    public async Task Unknown_revoked_expired_and_disabled_tokens_get_401()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var tokens = app.Services.GetRequiredService<AccessTokens>();
        var revoked = await CreateTokenAsync(app, "rita");
        await tokens.RevokeAsync(revoked.Token.AccountId, revoked.Token.Id, CancellationToken.None);
        var expired = await CreateTokenAsync(app, "ed");
        await ExpireAsync(app, expired.Token.Id);
        var disabled = await CreateTokenAsync(app, "dora");
        await DisableAsync(app, "dora");

        foreach (var secret in new[] { AccessTokens.SecretPrefix + "not-a-token", "garbage", revoked.Secret, expired.Secret, disabled.Secret })
        {
            using var response = await SqlAsync(app, secret, "SELECT 1");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_token_opens_the_api_but_not_the_workbench_pages()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await CreateTokenAsync(app, "pat");
        using var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        using var uploads = await client.GetAsync("/api/v1/uploads");
        using var page = await client.GetAsync("/sql");

        Assert.Equal(HttpStatusCode.OK, uploads.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Target());
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_the_hash_of_their_secret()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await CreateTokenAsync(app, "hana");

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "catalog.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM access_tokens";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var stored = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!).ToList();

        Assert.DoesNotContain(stored, value => value.Contains(token.Secret[AccessTokens.SecretPrefix.Length..], StringComparison.Ordinal));
        Assert.Contains(AccessTokens.Hash(token.Secret), stored);
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_token_needs_a_name_and_an_expiry_within_a_year()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var tokens = app.Services.GetRequiredService<AccessTokens>();
        var account = await CreateAccountAsync(app, "nina");
        var now = DateTimeOffset.UtcNow;

        var noName = await Assert.ThrowsAsync<AccessTokenException>(() => tokens.CreateAsync(account.Id, " ", now.AddDays(1), CancellationToken.None));
        var past = await Assert.ThrowsAsync<AccessTokenException>(() => tokens.CreateAsync(account.Id, "x", now.AddDays(-1), CancellationToken.None));
        var tooLong = await Assert.ThrowsAsync<AccessTokenException>(() => tokens.CreateAsync(account.Id, "x", now.AddDays(400), CancellationToken.None));

        Assert.Contains("name", noName.Message);
        Assert.Contains("expiry", past.Message);
        Assert.Contains("366 days", tooLong.Message);
    }

    internal static async Task<WorkbenchAccount> CreateAccountAsync(WorkbenchAppFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        var account = new WorkbenchAccount { UserName = userName };
        var result = await users.CreateAsync(account, "Token-user-1!");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return account;
    }

    internal static async Task<CreatedAccessToken> CreateTokenAsync(WorkbenchAppFactory app, string userName)
    {
        var account = await CreateAccountAsync(app, userName);
        return await app.Services.GetRequiredService<AccessTokens>()
            .CreateAsync(account.Id, "script of " + userName, DateTimeOffset.UtcNow.AddDays(30), CancellationToken.None);
    }

    internal static async Task<HttpResponseMessage> SqlAsync(WorkbenchAppFactory app, string secret, string sql)
    {
        using var client = app.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql")
        {
            Content = new StringContent($$"""{"sql":"{{sql}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return await client.SendAsync(request);
    }

    private static async Task ExpireAsync(WorkbenchAppFactory app, string tokenId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var token = await db.AccessTokens.FindAsync(tokenId);
        db.Entry(token!).Property(t => t.ExpiresAt).CurrentValue = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.SaveChangesAsync();
    }

    private static async Task DisableAsync(WorkbenchAppFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>();
        var account = await users.FindByNameAsync(userName);
        account!.IsDisabled = true;
        await users.UpdateAsync(account);
    }
}
