using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Visibility;

/// <summary>
/// An Accounts-mode app with tables in three schemas and lineage between them. The analyst may SELECT in
/// <c>sales</c> only, may see the names in <c>hr</c> (USE SCHEMA, no SELECT), and holds nothing on <c>vault</c>:
/// <c>sales.orders</c> → <c>hr.bonus</c>; <c>sales.orders</c> + <c>hr.salaries</c> → <c>sales.report</c>. The outsider
/// holds no grant.
/// </summary>
public sealed class GrantedSchemaApp : IAsyncLifetime
{
    public const string Analyst = "ann";
    public const string AnalystPassword = "Analyst-pass-7";

    /// <summary>A signed-up user who holds no grant at all.</summary>
    public const string Outsider = "otto";

    public WorkbenchAppFactory App { get; } = AccountsApp.Create(withAdmin: true);

    public async Task InitializeAsync()
    {
        _ = App.Server;
        var services = App.Services;
        await services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(AccountsApp.AdminName);
        using (var scope = services.CreateScope())
        {
            foreach (var user in new[] { Analyst, Outsider })
            {
                var created = await scope.ServiceProvider.GetRequiredService<AccountDirectory>().CreateAsync(user, AnalystPassword, CancellationToken.None);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        var admin = new QueryRequest(AccountsApp.AdminName);
        await services.GetRequiredService<QueryService>().ExecuteAsync(
            """
            CREATE SCHEMA sales; CREATE SCHEMA hr; CREATE SCHEMA vault;
            CREATE TABLE sales.orders AS SELECT range AS id, range * 10 AS amount FROM range(3);
            CREATE TABLE hr.salaries AS SELECT range AS id, 5000 + range AS salary FROM range(3);
            CREATE TABLE vault.codes AS SELECT 'x' AS code;
            CREATE TABLE sales.report AS SELECT o.id, o.amount, s.salary FROM sales.orders o JOIN hr.salaries s ON o.id = s.id;
            CREATE TABLE hr.bonus AS SELECT id, amount / 10 AS bonus FROM sales.orders;
            GRANT USE CATALOG ON CATALOG main TO USER ann;
            GRANT USE SCHEMA, SELECT ON SCHEMA sales TO USER ann;
            GRANT USE SCHEMA ON SCHEMA hr TO USER ann;
            """,
            admin);
    }

    // One sign-in per user for the whole class: sign-ins are rate limited.
    private readonly Dictionary<string, HttpClient> _browsers = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    public async Task DisposeAsync()
    {
        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }

        await App.DisposeAsync();
    }

    /// <summary>A browser signed in as <paramref name="user"/>, shared by the class's tests.</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (!_browsers.TryGetValue(user, out var browser))
            {
                browser = await SignInAsync(user);
                _browsers[user] = browser;
            }

            return browser;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var browser = App.Browser();
        var password = user is Analyst or Outsider ? AnalystPassword : AccountsApp.AdminPassword;
        using var signedIn = await browser.SignInAsync(user, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("signin", signedIn.Target() ?? "", StringComparison.OrdinalIgnoreCase);
        return browser;
    }

    /// <summary>The page as the server first renders it for <paramref name="user"/>, entities decoded.</summary>
    public async Task<string> PageAsync(string user, string page)
    {
        var browser = await SignedInAsync(user);
        using var response = await browser.GetAsync(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
