using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Api.Tables;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Admin;

/// <summary>
/// <c>DELETE /api/v1/admin/users/{userName}</c>: the account and its tokens go, what it owned passes to the deleting
/// administrator, its grants and memberships are removed (a new account of the same name inherits nothing); one's own
/// account and the last enabled administrator are refused; every attempt is audited.
/// </summary>
public sealed class UserDeletionApiTests
{
    [Fact]
    public Task Deleting_a_user_hands_their_tables_to_the_administrator_and_leaves_nothing_for_a_namesake() => DeleteAnalystAsync(null);

    [PostgresFact]
    public Task Deleting_a_user_on_PostgreSQL() => PostgresCatalogSettings.RunAsync("neurolake_deluser", DeleteAnalystAsync);

    private static async Task DeleteAnalystAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(TokenApiApp.SalesAndHr + "ALTER TABLE sales.orders OWNER TO ann; GRANT ALL PRIVILEGES ON TABLE hr.bonus TO USER ann;", catalog);
        var services = app.App.Services;
        var analystToken = app.As(TokenApiApp.Analyst);
        var groups = services.GetRequiredService<GroupDirectory>();
        await groups.AddMemberAsync(AccountsApp.AdminName, RoleGroups.Analyst, TokenApiApp.Analyst);

        var (status, deleted) = await app.As(AccountsApp.AdminName).DeleteApiAsync("/api/v1/admin/users/ANN");
        using var tokenAfter = await analystToken.GetAsync("/api/v1/sql/history");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("ann", AccountsApp.AdminName), (deleted.GetProperty("userName").GetString(), deleted.GetProperty("transferredTo").GetString()));
        Assert.Equal(["table main.sales.orders"], deleted.GetProperty("transferred").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["analyst"], deleted.GetProperty("groupsLeft").EnumerateArray().Select(e => e.GetString()));
        Assert.True(deleted.GetProperty("grantsRemoved").GetInt32() >= 4);
        Assert.Equal(1, deleted.GetProperty("tokensDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        var accounts = services.GetRequiredService<AccountDirectory>();
        Assert.DoesNotContain(await accounts.ListAsync(CancellationToken.None), a => a.UserName == "ann");
        Assert.Equal(AccountsApp.AdminName, (await services.GetRequiredService<CatalogStore>().FindTableAsync(new SecurablePath("main", "sales", "orders")))!.Owner);
        Assert.Empty(await groups.GroupsOfAsync("ann"));

        // A new account of the same name starts with nothing: no grants, no ownership.
        Assert.True((await accounts.CreateAsync("ann", "Another-ann-9", CancellationToken.None)).Succeeded);
        var privileges = services.GetRequiredService<PrivilegeEvaluator>();
        Assert.False(await privileges.CanSelectAsync("ann", new SecurablePath("main", "sales", "orders")));
        Assert.False(await privileges.CanSelectAsync("ann", new SecurablePath("main", "hr", "bonus")));

        var audited = (await services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "account ann" })).Entries
            .Single(e => e.Details.StartsWith("deleted the account", StringComparison.Ordinal));
        Assert.Equal((AccountsApp.AdminName, AuditAction.AdminChange, AuditOutcome.Succeeded), (audited.User, audited.Action, audited.Outcome));
        Assert.Contains("owns table main.sales.orders", audited.Details);
        Assert.Contains("passes to " + AccountsApp.AdminName, audited.Details);
    }

    [Fact]
    public async Task An_administrator_cannot_delete_themselves_and_a_non_administrator_cannot_delete_anyone()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");

        var (selfStatus, self) = await app.As(AccountsApp.AdminName).DeleteApiAsync("/api/v1/admin/users/" + AccountsApp.AdminName);
        var (analystStatus, _) = await app.As(TokenApiApp.Analyst).DeleteApiAsync("/api/v1/admin/users/" + AccountsApp.AdminName);

        Assert.Equal(HttpStatusCode.BadRequest, selfStatus);
        Assert.Contains("You may not delete your own account", self.Detail());
        Assert.Equal(HttpStatusCode.Forbidden, analystStatus);
        Assert.Equal(2, (await app.App.Services.GetRequiredService<AccountDirectory>().ListAsync(CancellationToken.None)).Count);
        var refused = (await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "account " + AccountsApp.AdminName })).Entries
            .Single(e => e.Details.StartsWith("deleted the account", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Failed, refused.Outcome);
    }

    [Fact]
    public async Task The_last_enabled_administrator_is_not_deleted()
    {
        // Single mode: the caller is the configured user, an administrator without an account.
        await using var app = new WorkbenchAppFactory();
        using var client = app.CreateClient();
        var accounts = app.Services.GetRequiredService<AccountDirectory>();
        Assert.True((await accounts.CreateAsync("bea", "Only-admin-99", CancellationToken.None)).Succeeded);
        Assert.True((await accounts.CreateAsync("cid", "Other-admin-9", CancellationToken.None)).Succeeded);
        var groups = app.Services.GetRequiredService<GroupDirectory>();
        await groups.AddFirstAdministratorAsync("bea");
        await groups.AddMemberAsync("grace", RoleGroups.Admin, "cid");
        var cid = (await accounts.ListAsync(CancellationToken.None)).Single(a => a.UserName == "cid");
        await accounts.SetDisabledAsync(cid.Id, true, CancellationToken.None);

        var (status, problem) = await client.DeleteApiAsync("/api/v1/admin/users/bea");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("bea is the last enabled administrator", problem.Detail());
        Assert.Equal(["bea", "cid"], (await accounts.ListAsync(CancellationToken.None)).Select(a => a.UserName));
        Assert.Contains(RoleGroups.Admin, await groups.GroupsOfAsync("bea"));
    }
}
