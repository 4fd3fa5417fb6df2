using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Tests.Web.Api.Tables;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Web.Identity;
using static NeuroLake.Tests.Web.Api.Catalog.CatalogApiVisibilityTests;

namespace NeuroLake.Tests.Web.Api.Catalog;

/// <summary>
/// What the table page changes, a script changes through the catalog API, with the page's rules: MODIFY for
/// descriptions, tags and column comments, ownership for owners and PII classifications; every attempt audited.
/// </summary>
public sealed class CatalogApiEditTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task An_administrator_describes_tags_comments_and_classifies_and_the_table_shows_it()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.described AS SELECT 1 AS id, 'a@b.c' AS contact");
        const string table = "/api/v1/catalog/tables/main.sales.described";

        var description = await lake.Admin.PutApiAsync(table + "/description", new { description = "Who to call" });
        var tags = await lake.Admin.PutApiAsync(table + "/tags", new { tags = new[] { "crm", "daily" } });
        var comment = await lake.Admin.PutApiAsync(table + "/columns/CONTACT/comment", new { comment = "e-mail address" });
        var pii = await lake.Admin.PutApiAsync(table + "/columns/contact/pii", new { type = "email" });
        var (status, described) = await lake.Admin.GetApiAsync(table);

        Assert.All(new[] { description, tags, comment, pii }, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Who to call", described.GetProperty("description").GetString());
        Assert.Equal(["crm", "daily"], described.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(AccountsApp.AdminName, described.GetProperty("owner").GetString());
        Assert.StartsWith("file:///", described.GetProperty("location").GetString());
        var contact = described.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "contact");
        Assert.Equal("e-mail address", contact.GetProperty("comment").GetString());
        Assert.Equal("email", contact.GetProperty("pii").GetProperty("type").GetString());
        Assert.Equal("Manual", contact.GetProperty("pii").GetProperty("source").GetString());
        var id = described.GetProperty("columns")[0];
        Assert.Equal(("id", false), (id.GetProperty("name").GetString(), id.GetProperty("pii").ValueKind != System.Text.Json.JsonValueKind.Null));
        Assert.Contains("INT", id.GetProperty("type").GetString()!, StringComparison.OrdinalIgnoreCase);

        var cleared = await lake.Admin.DeleteApiAsync(table + "/columns/contact/pii");
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Null((await lake.TableAsync("sales", "described"))!.Columns.Single(c => c.Name == "contact").Pii);
        var audit = await lake.App.Services.GetRequiredService<AuditLog>().ForTableAsync(SecurablePath.ForTable("main", "sales", "described"));
        Assert.Equal(3, audit.Entries.Count(e => e.Action == AuditAction.CatalogChange && e.Outcome == AuditOutcome.Succeeded));
        // Classifications are one kind of audit entry whichever way they were made (the Columns tab writes the same).
        Assert.Equal(
            ["contact: email", "contact: no personal data"],
            audit.Entries.Where(e => e is { Action: AuditAction.Classification, Outcome: AuditOutcome.Succeeded }).Select(e => e.Details).Order());
    }

    [Fact]
    public async Task An_analyst_without_modify_or_ownership_is_refused_and_nothing_changes()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.guarded AS SELECT 1 AS id, 'x' AS email");
        const string table = "/api/v1/catalog/tables/main.sales.guarded";

        var (descriptionStatus, description) = await lake.AnalystClient.PutApiAsync(table + "/description", new { description = "mine" });
        var (tagsStatus, _) = await lake.AnalystClient.PutApiAsync(table + "/tags", new { tags = new[] { "mine" } });
        var (ownerStatus, owner) = await lake.AnalystClient.PutApiAsync(table + "/owner", new { owner = LakeApiApp.Analyst });
        var (piiStatus, _) = await lake.AnalystClient.DeleteApiAsync(table + "/columns/email/pii");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (descriptionStatus, tagsStatus, ownerStatus, piiStatus));
        Assert.Contains("MODIFY", description.Detail());
        Assert.Contains("OWNERSHIP", owner.Detail());
        var stored = (await lake.TableAsync("sales", "guarded"))!;
        Assert.Equal(("", 0, AccountsApp.AdminName), (stored.Description, stored.Tags.Count, stored.Owner));
        var audit = await lake.App.Services.GetRequiredService<AuditLog>().ForTableAsync(stored.Path);
        Assert.Equal(3, audit.Entries.Count(e => e is { Action: AuditAction.CatalogChange, Outcome: AuditOutcome.Denied, User: LakeApiApp.Analyst }));
        Assert.Single(audit.Entries, e => e is { Action: AuditAction.Classification, Outcome: AuditOutcome.Denied, User: LakeApiApp.Analyst });
    }

    [Fact]
    public async Task The_owner_transfers_a_table_and_the_new_owner_may_then_change_it()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.handed AS SELECT 1 AS id");
        const string table = "/api/v1/catalog/tables/main.sales.handed";

        var (status, transferred) = await lake.Admin.PutApiAsync(table + "/owner", new { owner = LakeApiApp.Analyst });
        var (describedStatus, _) = await lake.AnalystClient.PutApiAsync(table + "/description", new { description = "now mine" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(LakeApiApp.Analyst, transferred.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.OK, describedStatus);
        Assert.Equal("now mine", (await lake.TableAsync("sales", "handed"))!.Description);
    }

    [Fact]
    public async Task Bad_edits_answer_400_saying_how_to_fix_them_and_nothing_changes()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.untouched AS SELECT 1 AS id");
        const string table = "/api/v1/catalog/tables/main.sales.untouched";

        var (columnStatus, column) = await lake.Admin.PutApiAsync(table + "/columns/nope/comment", new { comment = "x" });
        var (piiStatus, pii) = await lake.Admin.PutApiAsync(table + "/columns/id/pii", new { type = "" });
        var (tagStatus, tag) = await lake.Admin.PutApiAsync(table + "/tags", new { tags = new[] { "ok", " " } });
        var (ownerStatus, owner) = await lake.Admin.PutApiAsync(table + "/owner", new { owner = "" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (columnStatus, piiStatus, tagStatus, ownerStatus));
        Assert.Contains("its columns are id", column.Detail());
        Assert.Contains("\"type\": \"email\"", pii.Detail());
        Assert.Contains("give every tag some text", tag.Detail());
        Assert.Contains("name a user or a group", owner.Detail());
        var stored = (await lake.TableAsync("sales", "untouched"))!;
        Assert.Equal((0, AccountsApp.AdminName, ""), (stored.Tags.Count, stored.Owner, stored.Columns[0].Description));
    }

    [Fact]
    public async Task An_unknown_kind_of_personal_data_is_refused_listing_the_known_kinds_and_nothing_is_classified()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.unknown_kind AS SELECT 1 AS id, 'a@b.c' AS contact");
        const string table = "/api/v1/catalog/tables/main.sales.unknown_kind";

        var (status, problem) = await lake.Admin.PutApiAsync(table + "/columns/contact/pii", new { type = "<b>shoe_size</b>" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'<b>shoe_size</b>' is not a kind of personal data", problem.Detail());
        Assert.Contains("email, phone, credit_card", problem.Detail());
        Assert.Contains("trade_union_membership", problem.Detail());
        Assert.Null((await lake.TableAsync("sales", "unknown_kind"))!.Columns.Single(c => c.Name == "contact").Pii);
        var audit = await lake.App.Services.GetRequiredService<AuditLog>().ForTableAsync(SecurablePath.ForTable("main", "sales", "unknown_kind"));
        Assert.DoesNotContain(audit.Entries, e => e.Action is AuditAction.Classification or AuditAction.CatalogChange);
    }

    [PostgresFact]
    public Task Lists_describes_and_edits_on_PostgreSQL() =>
        PostgresCatalogSettings.RunAsync("neurolake_catapi", async catalog =>
        {
            var postgres = new LakeApiApp(catalog);
            await postgres.InitializeAsync();
            try
            {
                var (_, sales) = await postgres.AnalystClient.GetApiAsync("/api/v1/catalog/catalogs/main/schemas/sales/tables?take=2");
                var (hiddenStatus, _) = await postgres.AnalystClient.GetApiAsync("/api/v1/catalog/tables/main.hr.salaries");
                var (editStatus, _) = await postgres.Admin.PutApiAsync("/api/v1/catalog/tables/main.sales.orders/tags", new { tags = new[] { "finance" } });
                var (_, hits) = await postgres.AnalystClient.GetApiAsync("/api/v1/catalog/search?tag=finance");

                Assert.Equal(["customers", "orders"], Names(sales.GetProperty("tables"), "name"));
                Assert.Equal(3, sales.GetProperty("total").GetInt32());
                Assert.Equal(HttpStatusCode.NotFound, hiddenStatus);
                Assert.Equal(HttpStatusCode.OK, editStatus);
                Assert.Contains("main.sales.orders", Names(hits.GetProperty("hits"), "qualifiedName"));
            }
            finally
            {
                await postgres.DisposeAsync();
            }
        });
}
