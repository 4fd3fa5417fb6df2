using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Settings;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Admin;

/// <summary>Tokens (an administrator's view of everyone's, and a user's own) and the run-time settings through the API.</summary>
public sealed class TokensAndSettingsApiTests
{
    [Fact]
    public async Task A_user_makes_and_revokes_their_own_token_and_an_admin_revokes_anyones_audited()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        var analyst = app.As(TokenApiApp.Analyst);
        var admin = app.As(AccountsApp.AdminName);

        using var created = await analyst.PostAsJsonAsync("/api/v1/me/tokens", new { name = "nightly export", expiresInDays = 7 });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var second = app.Client(body.GetProperty("secret").GetString());
        var mine = await second.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        using var tooLong = await analyst.PostAsJsonAsync("/api/v1/me/tokens", new { name = "forever", expiresInDays = 1000 });
        var everyone = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/tokens?user=ann&state=active");
        using var badState = await admin.GetAsync("/api/v1/admin/tokens?state=sleeping");
        var newId = body.GetProperty("token").GetProperty("id").GetString();
        using var revoked = await admin.PostAsync($"/api/v1/admin/tokens/{newId}/revoke", null);
        using var afterRevoke = await second.GetAsync("/api/v1/me/tokens");
        var firstId = everyone.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "api tests").GetProperty("id").GetString();
        using var ownRevoke = await analyst.DeleteAsync($"/api/v1/me/tokens/{firstId}");
        using var afterOwnRevoke = await analyst.GetAsync("/api/v1/me/tokens");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("nlpat_", body.GetProperty("secret").GetString());
        Assert.Equal(["nightly export", "api tests"], mine.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.DoesNotContain(mine.EnumerateArray(), t => t.TryGetProperty("secret", out _));
        await AdminApiChangesTests.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "1 to 366 days");
        await AdminApiChangesTests.AssertProblemAsync(badState, HttpStatusCode.BadRequest, "use active, expired or revoked");
        Assert.Equal(2, everyone.GetArrayLength());
        Assert.All(everyone.EnumerateArray(), t => Assert.Equal(TokenApiApp.Analyst, t.GetProperty("userName").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Unauthorized), (ownRevoke.StatusCode, afterOwnRevoke.StatusCode));
        var entry = Assert.Single((await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "token nightly export of ann" })).Entries);
        Assert.Equal((AccountsApp.AdminName, AuditAction.AdminChange, "revoked the token"), (entry.User, entry.Action, entry.Details));
    }

    [Fact]
    public async Task An_admin_changes_settings_validated_as_the_form_does_and_audited()
    {
        await using var app = await TokenApiApp.StartAsync(setupSql: "");
        var admin = app.As(AccountsApp.AdminName);
        var store = app.App.Services.GetRequiredService<SettingsStore>();
        var before = store.Current;

        using var bad = await admin.PatchAsJsonAsync("/api/v1/admin/settings", new { rowLimit = 0, statementTimeout = "soon" });
        var afterBad = store.Current;
        using var good = await admin.PatchAsJsonAsync("/api/v1/admin/settings", new { rowLimit = 1234, statementTimeout = "00:02:00" });
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/settings");

        await AdminApiChangesTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "e.g. 00:30:00 for 30 minutes");
        Assert.Equal(before, afterBad);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal((1234, TimeSpan.FromMinutes(2)), (store.Current.RowLimit, store.Current.StatementTimeout));
        Assert.Equal((1234, "00:02:00"), (read.GetProperty("current").GetProperty("rowLimit").GetInt32(), read.GetProperty("current").GetProperty("statementTimeout").GetString()));
        Assert.Equal(AccountsApp.AdminName, read.GetProperty("overrides").GetProperty("RowLimit").GetProperty("by").GetString());
        Assert.Equal(before.UploadExpiry, store.Current.UploadExpiry);
        using var zero = await admin.PatchAsJsonAsync("/api/v1/admin/settings", new { rowLimit = 0 });
        await AdminApiChangesTests.AssertProblemAsync(zero, HttpStatusCode.BadRequest, "give between 1 and 10,000,000 rows");
        var audited = (await app.App.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditSearch { Target = "setting " })).Entries;
        Assert.Equal(["setting RowLimit", "setting StatementTimeout"], audited.Select(e => e.Target).Order(StringComparer.Ordinal));
        Assert.All(audited, e => Assert.Equal(AccountsApp.AdminName, e.User));
    }
}
