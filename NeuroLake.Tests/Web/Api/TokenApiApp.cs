using System.Net.Http.Headers;
using NeuroLake.Engine.Quality;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web.Api;

/// <summary>
/// The app in Accounts mode (SQLite, or the given catalog settings) with the administrator <c>ada</c> and the analyst
/// <c>ann</c>, each calling the API with a personal access token, and tables built by <paramref name="setupSql"/> run as <c>ada</c>.
/// </summary>
internal sealed class TokenApiApp : IAsyncDisposable
{
    public const string Analyst = "ann";
    public const string AnalystPassword = "Analyst-pass-7";

    private readonly Dictionary<string, HttpClient> _clients = [];

    private TokenApiApp(WorkbenchAppFactory app) => App = app;

    public WorkbenchAppFactory App { get; }

    /// <summary>
    /// <c>sales.orders</c> → <c>hr.bonus</c>; <c>sales.orders</c> + <c>hr.salaries</c> → <c>sales.report</c>. The analyst may
    /// SELECT in <c>sales</c> only and see the names in <c>hr</c> (USE SCHEMA, no SELECT).
    /// </summary>
    public const string SalesAndHr =
        """
        CREATE SCHEMA sales; CREATE SCHEMA hr;
        CREATE TABLE sales.orders AS SELECT range AS id, range * 10 AS amount FROM range(3);
        CREATE TABLE hr.salaries AS SELECT range AS id, 5000 + range AS salary FROM range(3);
        CREATE TABLE sales.report AS SELECT o.id, o.amount, s.salary FROM sales.orders o JOIN hr.salaries s ON o.id = s.id;
        CREATE TABLE hr.bonus AS SELECT id, amount / 10 AS bonus FROM sales.orders;
        GRANT USE CATALOG ON CATALOG main TO USER ann;
        GRANT USE SCHEMA, SELECT ON SCHEMA sales TO USER ann;
        GRANT USE SCHEMA ON SCHEMA hr TO USER ann;
        """;

    public static async Task<TokenApiApp> StartAsync(string setupSql = SalesAndHr, IReadOnlyDictionary<string, string>? catalog = null)
    {
        var app = new TokenApiApp(AccountsApp.Create(withAdmin: true, catalog));
        var services = app.App.Services;
        await services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(AccountsApp.AdminName);
        var accounts = services.GetRequiredService<AccountDirectory>();
        Assert.True((await accounts.CreateAsync(Analyst, AnalystPassword, CancellationToken.None)).Succeeded);
        foreach (var account in await accounts.ListAsync(CancellationToken.None))
        {
            var token = await services.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "api tests", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
            app._clients[account.UserName] = app.Client(token.Secret);
        }

        if (setupSql.Length > 0)
        {
            await services.GetRequiredService<QueryService>().ExecuteAsync(setupSql, new QueryRequest(AccountsApp.AdminName));
            // Tables created with rows are profiled in the background: let that finish so tests see a settled quality history.
            await services.GetRequiredService<QualityProfileQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }

        return app;
    }

    /// <summary>The API as <c>ada</c> or <c>ann</c>, with their token.</summary>
    public HttpClient As(string user) => _clients[user];

    /// <summary>A client sending <paramref name="secret"/> as its bearer token (none: anonymous).</summary>
    public HttpClient Client(string? secret = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
