using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>
/// An analyst without UNMASK, calling the API with their token, never gets a PII column's values: not in results, not
/// in a GET export, and not by copying them into a table of their own (CTAS) that an administrator then reads.
/// </summary>
public sealed class MaskedApiTests
{
    [Fact]
    public async Task An_analyst_reads_exports_and_copies_only_masked_emails()
    {
        await using var app = AccountsApp.Create(withAdmin: true);
        var token = await AccessTokenTests.CreateTokenAsync(app, "ann");
        var queries = app.Services.GetRequiredService<QueryService>();
        var admin = new QueryRequest(AccountsApp.AdminName);
        await queries.ExecuteAsync(
            """
            CREATE SCHEMA crm;
            CREATE TABLE crm.people AS SELECT * FROM (VALUES (1, 'john@example.com'), (2, 'mary@example.org')) AS t(id, email);
            GRANT USE CATALOG ON CATALOG main TO USER ann;
            GRANT USE SCHEMA, SELECT, CREATE TABLE ON SCHEMA crm TO USER ann;
            """,
            admin);
        await app.Services.GetRequiredService<CatalogStore>().ClassifyColumnAsync(
            new SecurablePath("main", "crm", "people", "email"), null, new PiiClassification("email", 0.9, PiiSource.Manual));
        using var client = app.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        using var result = await AccessTokenTests.SqlAsync(app, token.Secret, "SELECT email FROM crm.people ORDER BY id");
        using var export = await client.GetAsync("/api/v1/sql/export?format=csv&sql=" + Uri.EscapeDataString("SELECT email FROM crm.people ORDER BY id"));
        using var copy = await AccessTokenTests.SqlAsync(app, token.Secret, "CREATE TABLE crm.copied AS SELECT id, email FROM crm.people");
        var copied = (await queries.ExecuteAsync("SELECT email FROM crm.copied ORDER BY id", admin))[^1].Rows.Select(r => (string?)r[0]);
        var original = (await queries.ExecuteAsync("SELECT email FROM crm.people ORDER BY id", admin))[^1].Rows.Select(r => (string?)r[0]);

        var json = await result.Content.ReadAsStringAsync();
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (result.StatusCode, export.StatusCode, copy.StatusCode));
        Assert.Contains("j***@example.com", json);
        Assert.DoesNotContain("john@", json);
        Assert.Contains("m***@example.org", csv);
        Assert.DoesNotContain("mary@", csv);
        Assert.Equal(["j***@example.com", "m***@example.org"], copied);
        Assert.Equal(["john@example.com", "mary@example.org"], original);
    }
}
