using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Governance.Audit;

/// <summary>
/// In Accounts mode the audit log holds every sign-in and failed attempt, every use of a token (and of a bad one), and
/// grants, revokes and maintenance as the statements that made them, each with its user and outcome.
/// </summary>
public sealed class AccountAuditTests
{
    [Fact]
    public async Task Sign_ins_and_failed_attempts_are_audited_with_their_outcome()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        using var wrong = app.Browser();
        using var right = app.Browser();

        using (await wrong.SignInAsync(AccountsApp.AdminName, "not-the-password"))
        using (var signedIn = await right.SignInAsync(AccountsApp.AdminName, AccountsApp.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var entries = (await Audit(app).SearchAsync(new AuditSearch { User = AccountsApp.AdminName })).Entries;

        var signIn = Assert.Single(entries, e => e.Action == AuditAction.SignIn);
        var failure = Assert.Single(entries, e => e.Action == AuditAction.SignInFailure);
        Assert.Equal((AuditOutcome.Succeeded, AccountsApp.AdminName), (signIn.Outcome, signIn.Target));
        Assert.Equal(AuditOutcome.Failed, failure.Outcome);
        Assert.Contains("wrong user name, password or code", failure.Details);
    }

    [Fact]
    public async Task Every_token_use_is_audited_and_a_bad_token_as_denied()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await AccessTokenTests.CreateTokenAsync(app, "tess");

        using (var ok = await AccessTokenTests.SqlAsync(app, token.Secret, "SELECT 1"))
        using (var bad = await AccessTokenTests.SqlAsync(app, "nlpat_made-up", "SELECT 1"))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (ok.StatusCode, bad.StatusCode));
        }

        var used = (await Audit(app).SearchAsync(new AuditSearch { User = "tess", Action = AuditAction.TokenUse })).Entries;
        var denied = (await Audit(app).SearchAsync(new AuditSearch { User = "unknown", Action = AuditAction.TokenUse })).Entries;

        Assert.Equal((AuditOutcome.Succeeded, "POST /api/v1/sql"), (Assert.Single(used).Outcome, used[0].Target));
        Assert.Equal((AuditOutcome.Denied, "POST /api/v1/sql"), (Assert.Single(denied).Outcome, denied[0].Target));
    }

    [Fact]
    public async Task Grants_revokes_and_maintenance_are_audited_as_their_own_actions_with_the_statement()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var queries = app.Services.GetRequiredService<QueryService>();
        var admin = new QueryRequest(AccountsApp.AdminName);
        await queries.ExecuteAsync("CREATE SCHEMA kept; CREATE TABLE kept.t AS SELECT 1 AS id", admin);

        await queries.ExecuteAsync("GRANT SELECT ON TABLE kept.t TO USER gus", admin);
        await queries.ExecuteAsync("REVOKE SELECT ON TABLE kept.t FROM USER gus", admin);
        await queries.ExecuteAsync("OPTIMIZE kept.t", admin);
        await Assert.ThrowsAsync<QueryFailedException>(() => queries.ExecuteAsync("GRANT SELECT ON TABLE kept.t TO USER gus", new QueryRequest("gus")));

        var statements = (await Audit(app).SearchAsync(new AuditSearch { Take = 100 })).Entries;

        Assert.Contains(statements, e => (e.User, e.Action, e.Outcome, e.Details) == (AccountsApp.AdminName, AuditAction.Grant, AuditOutcome.Succeeded, "GRANT SELECT ON TABLE kept.t TO USER gus"));
        Assert.Contains(statements, e => (e.User, e.Action, e.Outcome, e.Details) == (AccountsApp.AdminName, AuditAction.Revoke, AuditOutcome.Succeeded, "REVOKE SELECT ON TABLE kept.t FROM USER gus"));
        Assert.Contains(statements, e => (e.User, e.Action, e.Outcome, e.Details) == (AccountsApp.AdminName, AuditAction.Maintenance, AuditOutcome.Succeeded, "OPTIMIZE kept.t"));
        Assert.Contains(statements, e => e.User == "gus" && e.Outcome != AuditOutcome.Succeeded && e.Details.StartsWith("GRANT SELECT ON TABLE kept.t", StringComparison.Ordinal));
    }

    private static AuditLog Audit(WorkbenchAppFactory app) => app.Services.GetRequiredService<AuditLog>();
}
