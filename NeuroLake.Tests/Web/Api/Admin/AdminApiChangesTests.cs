using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Admin;

/// <summary>
/// An administrator's script does what Admin → Users, Groups and Grants do, each change landing in the audit log as the
/// pages record it; bad input answers 400 saying how to fix it and stores nothing.
/// </summary>
public sealed class AdminApiChangesTests
{
    [Fact]
    public async Task An_admins_account_group_and_grant_changes_are_audited() => await ChangesAsync(null);

    [PostgresFact]
    public Task An_admins_account_group_and_grant_changes_are_audited_on_postgres() =>
        PostgresCatalogSettings.RunAsync("neurolake_admin_api", ChangesAsync);

    private static async Task ChangesAsync(IReadOnlyDictionary<string, string>? catalog)
    {
        await using var app = await TokenApiApp.StartAsync(catalog: catalog);
        var admin = app.As(AccountsApp.AdminName);

        using var created = await admin.PostAsJsonAsync("/api/v1/admin/users", new { userName = "bob", password = "Bobs-password-1" });
        using var group = await admin.PostAsJsonAsync("/api/v1/admin/groups", new { name = "auditors", description = "read the books" });
        using var member = await admin.PostAsJsonAsync("/api/v1/admin/groups/auditors/members", new { user = "bob" });
        using var granted = await admin.PostAsJsonAsync("/api/v1/grants", new { on = "main.hr", group = "auditors", privileges = new[] { "USE SCHEMA", "select" } });
        var effective = await admin.GetFromJsonAsync<JsonElement>("/api/v1/grants/effective?user=bob&on=main.hr.salaries");
        using var disabled = await admin.PostAsync("/api/v1/admin/users/bob/disable", null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (created.StatusCode, group.StatusCode));
        Assert.Equal(["bob"], (await member.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["SELECT", "USE SCHEMA"],
            (await granted.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(g => g.GetProperty("privilege").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(effective.GetProperty("privileges").EnumerateArray(),
            p => p.GetProperty("privilege").GetString() == "SELECT" && p.GetProperty("reason").GetString()!.Contains("auditors", StringComparison.Ordinal));
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDisabled").GetBoolean());

        var audit = app.App.Services.GetRequiredService<AuditLog>();
        var account = (await audit.SearchAsync(new AuditSearch { Target = "account bob" })).Entries.Select(e => e.Details).ToList();
        Assert.Equal(["disabled the account (sessions ended, tokens stopped)", "created the account"], account);
        var groupEntries = (await audit.SearchAsync(new AuditSearch { Target = "group auditors" })).Entries.Select(e => e.Details).ToList();
        Assert.Equal(["added member bob", "created the group: read the books"], groupEntries);
        var grant = Assert.Single((await audit.SearchAsync(new AuditSearch { Action = AuditAction.Grant, Target = "main.hr" })).Entries);
        Assert.Equal((AccountsApp.AdminName, AuditOutcome.Succeeded, "GRANT USE SCHEMA, SELECT ON SCHEMA main.hr TO GROUP auditors"), (grant.User, grant.Outcome, grant.Details));
    }

    [Fact]
    public async Task Bad_input_answers_400_saying_how_to_fix_it_and_stores_nothing()
    {
        await using var app = await TokenApiApp.StartAsync();
        var admin = app.As(AccountsApp.AdminName);
        var services = app.App.Services;

        using var weak = await admin.PostAsJsonAsync("/api/v1/admin/users", new { userName = "carl", password = "short" });
        using var unknownMember = await admin.PostAsJsonAsync("/api/v1/admin/groups/admin/members", new { user = "nobody" });
        using var unknownPrivilege = await admin.PostAsJsonAsync("/api/v1/grants", new { on = "main.sales", user = "ann", privileges = new[] { "FLY" } });
        using var unknownUser = await admin.PostAsJsonAsync("/api/v1/admin/users/nobody/password", new { password = "Long-enough-9" });
        using var weakReset = await admin.PostAsJsonAsync("/api/v1/admin/users/ann/password", new { password = "x" });
        using var disableSelf = await admin.PostAsync($"/api/v1/admin/users/{AccountsApp.AdminName}/disable", null);

        await AssertProblemAsync(weak, HttpStatusCode.BadRequest, "at least 8 characters");
        await AssertProblemAsync(unknownMember, HttpStatusCode.BadRequest, "create it first");
        await AssertProblemAsync(unknownPrivilege, HttpStatusCode.BadRequest, "'FLY' is not a privilege: use USE CATALOG");
        await AssertProblemAsync(unknownUser, HttpStatusCode.NotFound, "GET /api/v1/admin/users");
        await AssertProblemAsync(weakReset, HttpStatusCode.BadRequest, "at least 8 characters");
        await AssertProblemAsync(disableSelf, HttpStatusCode.BadRequest, "ask another administrator");
        var accounts = await services.GetRequiredService<AccountDirectory>().ListAsync(CancellationToken.None);
        Assert.Equal([AccountsApp.AdminName, TokenApiApp.Analyst], accounts.Select(a => a.UserName));
        Assert.All(accounts, a => Assert.False(a.IsDisabled));
        Assert.Equal([AccountsApp.AdminName], (await services.GetRequiredService<GroupDirectory>().ListGroupsAsync()).Single(g => g.Name == "admin").Members);
        var annGrants = await services.GetRequiredService<GrantStore>().ListAsync(AccountsApp.AdminName, to: Principal.User(TokenApiApp.Analyst));
        Assert.Equal(["SELECT", "USE CATALOG", "USE SCHEMA", "USE SCHEMA"], annGrants.Select(g => PrivilegeNames.Sql(g.Privilege)).Order(StringComparer.Ordinal));
        using var signIn = app.App.Browser();
        using var stillOld = await signIn.SignInAsync(TokenApiApp.Analyst, TokenApiApp.AnalystPassword);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode);
        Assert.DoesNotContain("signin", stillOld.Target() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_owner_who_is_no_admin_grants_on_their_table_and_a_stranger_is_refused_and_audited()
    {
        await using var app = await TokenApiApp.StartAsync(TokenApiApp.SalesAndHr + "GRANT CREATE TABLE ON SCHEMA sales TO USER ann;");
        var analyst = app.As(TokenApiApp.Analyst);
        using var table = await analyst.PostAsJsonAsync("/api/v1/sql", new { sql = "CREATE TABLE sales.mine AS SELECT 1 AS x" });

        using var own = await analyst.PostAsJsonAsync("/api/v1/grants", new { on = "main.sales.mine", user = "ada", privileges = new[] { "SELECT" } });
        using var foreign = await analyst.PostAsJsonAsync("/api/v1/grants", new { on = "main.hr.salaries", user = "ann", privileges = new[] { "SELECT" } });
        using var othersPrivileges = await analyst.GetAsync("/api/v1/grants/effective?user=ada&on=main.sales");

        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblemAsync(foreign, HttpStatusCode.Forbidden, "permission denied");
        await AssertProblemAsync(othersPrivileges, HttpStatusCode.Forbidden, "leave out ?user=");
        var denied = Assert.Single((await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Action = AuditAction.Grant, Target = "main.hr.salaries" })).Entries);
        Assert.Equal((TokenApiApp.Analyst, AuditOutcome.Denied), (denied.User, denied.Outcome));
        using var hidden = await analyst.GetAsync("/api/v1/lineage/main.hr.salaries");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string hint)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(hint, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
