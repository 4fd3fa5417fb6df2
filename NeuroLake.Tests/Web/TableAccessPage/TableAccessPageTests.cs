using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Tests.Web.Visibility;

namespace NeuroLake.Tests.Web.TableAccessPage;

/// <summary>
/// The table page's masks, row filters and audit activity in Accounts mode: the analyst ann reads <c>sales</c>; the
/// administrator owns everything. <c>sales.people</c> has a masked email and a row filter whose predicate is markup.
/// </summary>
public sealed class TableAccessPageTests(GrantedSchemaApp app) : IClassFixture<GrantedSchemaApp>
{
    private const string Markup = "<img src=x onerror=alert(1)>";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _prepared;

    [Fact]
    public async Task A_reader_sees_that_masks_and_filters_apply_but_not_the_predicates_nor_the_activity()
    {
        await PrepareAsync();

        var columns = await RawPageAsync(GrantedSchemaApp.Analyst, "/catalog/sales/people?tab=columns");
        var access = await RawPageAsync(GrantedSchemaApp.Analyst, "/catalog/sales/people?tab=access");

        Assert.Contains("masked: first letter + ***@domain", System.Net.WebUtility.HtmlDecode(columns), StringComparison.Ordinal);
        Assert.Contains("first letter + ***@domain", System.Net.WebUtility.HtmlDecode(access), StringComparison.Ordinal);
        Assert.Contains("1 row filter(s) limit what members of some groups read", access, StringComparison.Ordinal);
        Assert.Contains("You see these columns masked.", access, StringComparison.Ordinal);
        Assert.DoesNotContain("unmask-holders", access, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", access, StringComparison.Ordinal);
        Assert.DoesNotContain("tab=activity", access, StringComparison.Ordinal);
        Assert.DoesNotContain(">Activity<", access, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_is_offered_to_change_what_personal_data_a_column_holds()
    {
        await PrepareAsync();

        var reader = System.Net.WebUtility.HtmlDecode(await RawPageAsync(GrantedSchemaApp.Analyst, "/catalog/sales/people?tab=columns"));
        var owner = System.Net.WebUtility.HtmlDecode(await RawPageAsync(AccountsApp.AdminName, "/catalog/sales/people?tab=columns"));

        Assert.Contains("PII: Email address", reader, StringComparison.Ordinal);
        Assert.DoesNotContain("Personal data in email", reader, StringComparison.Ordinal);
        Assert.Contains("Personal data in email", owner, StringComparison.Ordinal);
        Assert.Contains("Personal data in id", owner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_sees_the_predicates_as_text_and_the_activity_of_reads_and_writes()
    {
        await PrepareAsync();
        await app.App.Services.GetRequiredService<QueryService>().ExecuteAsync(
            "GRANT UNMASK ON TABLE sales.people TO GROUP engineer", new QueryRequest(AccountsApp.AdminName));

        var access = await RawPageAsync(AccountsApp.AdminName, "/catalog/sales/people?tab=access");
        var activity = await RawPageAsync(AccountsApp.AdminName, "/catalog/sales/people?tab=activity");

        Assert.Contains("note &lt;&gt; &#x27;&lt;img src=x onerror=alert(1)&gt;&#x27;", access, StringComparison.Ordinal);
        Assert.Contains("You see the values of these columns.", access, StringComparison.Ordinal);
        Assert.Contains("Also see the values: group engineer.", access, StringComparison.Ordinal);
        Assert.DoesNotContain(Markup, access, StringComparison.Ordinal);
        var decoded = System.Net.WebUtility.HtmlDecode(activity);
        Assert.Contains("SELECT id, email FROM sales.people", decoded, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO sales.people VALUES (9, &#x27;x@example.com&#x27;, &#x27;b&#x27;)".Replace("&#x27;", "'", StringComparison.Ordinal), decoded, StringComparison.Ordinal);
        Assert.DoesNotContain("There is no tab", decoded, StringComparison.Ordinal);
        Assert.DoesNotContain(Markup, activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_vacuum_and_restore_as_the_page_runs_them_are_audited_as_maintenance_and_restore_of_the_table()
    {
        await PrepareAsync();
        var queries = app.App.Services.GetRequiredService<QueryService>();
        var admin = new QueryRequest(AccountsApp.AdminName);
        await queries.ExecuteAsync("""CREATE TABLE sales.kept AS SELECT 1 AS id; INSERT INTO sales.kept VALUES (2)""", admin);

        await queries.ExecuteAsync("""OPTIMIZE "sales"."kept" """, admin);
        await queries.ExecuteAsync("""VACUUM "sales"."kept" RETAIN 168 HOURS DRY RUN""", admin);
        await queries.ExecuteAsync("""RESTORE TABLE "sales"."kept" TO VERSION AS OF 0""", admin);
        await Assert.ThrowsAsync<QueryFailedException>(() => queries.ExecuteAsync("""OPTIMIZE "sales"."kept" """, new QueryRequest(GrantedSchemaApp.Analyst)));

        var entries = (await app.App.Services.GetRequiredService<AuditLog>().ForTableAsync(new SecurablePath("main", "sales", "kept"))).Entries;
        Assert.Equal(
            [(AuditAction.Maintenance, AuditOutcome.Denied, GrantedSchemaApp.Analyst), (AuditAction.Restore, AuditOutcome.Succeeded, AccountsApp.AdminName),
             (AuditAction.Maintenance, AuditOutcome.Succeeded, AccountsApp.AdminName), (AuditAction.Maintenance, AuditOutcome.Succeeded, AccountsApp.AdminName)],
            entries.Take(4).Select(e => (e.Action, e.Outcome, e.User)));
        Assert.All(entries, e => Assert.Equal("sales.kept", e.Target));
        Assert.Empty((await app.App.Services.GetRequiredService<AuditLog>().ForTableAsync(new SecurablePath("main", "sales", "kep"))).Entries);
    }

    private async Task PrepareAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_prepared)
            {
                return;
            }

            var services = app.App.Services;
            var queries = services.GetRequiredService<QueryService>();
            var admin = new QueryRequest(AccountsApp.AdminName);
            await queries.ExecuteAsync(
                $"""
                CREATE TABLE sales.people AS SELECT * FROM (VALUES (1, 'john@example.com', 'a')) AS t(id, email, note);
                ALTER TABLE sales.people SET ROW FILTER note <> '{Markup}' FOR GROUP {RoleGroups.Analyst};
                INSERT INTO sales.people VALUES (9, 'x@example.com', 'b');
                """,
                admin);
            await services.GetRequiredService<CatalogStore>().ClassifyColumnAsync(
                new SecurablePath("main", "sales", "people", "email"), null, new PiiClassification("email", 0.9, Engine.Catalog.Model.PiiSource.Manual));
            await queries.ExecuteAsync("SELECT id, email FROM sales.people", new QueryRequest(GrantedSchemaApp.Analyst));
            _prepared = true;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<string> RawPageAsync(string user, string page)
    {
        var browser = await app.SignedInAsync(user);
        using var response = await browser.GetAsync(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
