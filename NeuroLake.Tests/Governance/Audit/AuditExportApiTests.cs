using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Audit;
using NeuroLake.Web.Identity;
using NeuroLake.Tests.Web;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Governance.Audit;

public sealed class AuditExportApiTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task An_administrator_downloads_the_matching_entries_as_csv()
    {
        using var client = app.CreateClient();
        var marker = $"exported_{Guid.NewGuid():N}"[..20];
        using (var ran = await client.PostAsJsonAsync("/api/v1/sql", new { sql = $"SELECT '{marker}' AS m" }))
        {
            Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        }

        using var response = await client.GetAsync($"/api/v1/audit/export?action=statement&user={Uri.EscapeDataString(Environment.UserName)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"audit-", response.Content.Headers.ContentDisposition?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("time,user,action,target,outcome,details", lines[0]);
        Assert.Contains(lines, l => l.Contains(marker, StringComparison.Ordinal) && l.Contains(",Statement,", StringComparison.Ordinal) && l.Contains(",Succeeded,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("action=sleeping", "must be one of SignIn, SignInFailure")]
    [InlineData("from=03/01/2026", "yyyy-MM-dd")]
    public async Task A_search_that_cannot_be_read_gets_a_400_saying_how_to_write_it(string query, string expected)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/audit/export?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_who_is_not_the_administrator_gets_403_and_no_entries()
    {
        await using var accounts = AccountsApp.Create(withAdmin: true);
        await accounts.Services.GetRequiredService<AccountDirectory>().CreateAsync("intruder", AccountsApp.AdminPassword, CancellationToken.None);
        using var client = accounts.Browser();
        using (var signedIn = await client.SignInAsync("intruder", AccountsApp.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var response = await client.GetAsync("/api/v1/audit/export");
        using var page = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("time,user", await response.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Audit entries", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_pages_filters_and_the_export_query_read_the_same_search()
    {
        var search = new AuditSearch
        {
            User = "ann lee", Action = AuditAction.SignInFailure, Target = "sales.orders",
            From = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero),
        };

        var query = AuditQuery.ToQueryString(search);
        var values = System.Web.HttpUtility.ParseQueryString(query);
        var (parsed, problem) = AuditQuery.Parse(values["user"], values["action"], values["target"], values["from"], values["to"]);

        Assert.Equal("?user=ann%20lee&action=SignInFailure&target=sales.orders&from=2026-03-01&to=2026-03-07", query);
        Assert.Null(problem);
        Assert.Equal(search, parsed);
    }
}
