using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Identity.Store;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// An Accounts-mode app for the catalog and tables endpoints, called with tokens as a script would. The administrator
/// <see cref="AccountsApp.AdminName"/> owns everything; the analyst <see cref="Analyst"/> may use <c>main</c>, SELECT in
/// <c>sales</c> (no MODIFY, no UNMASK), only see the name of <c>hr</c> (USE SCHEMA) and holds nothing on <c>vault</c>.
/// <c>sales.customers.email</c> is classified as PII, so the analyst reads it masked. Lineage: <c>sales.orders</c> →
/// <c>hr.bonus</c>; <c>sales.orders</c> + <c>hr.salaries</c> → <c>sales.report</c>.
/// </summary>
public sealed class LakeApiApp : IAsyncLifetime
{
    public const string Analyst = "ann";

    public LakeApiApp()
        : this(null)
    {
    }

    internal LakeApiApp(IReadOnlyDictionary<string, string>? catalog) => App = AccountsApp.Create(withAdmin: true, catalog);

    public WorkbenchAppFactory App { get; }

    /// <summary>The administrator's client (bearer token).</summary>
    public HttpClient Admin { get; private set; } = default!;

    /// <summary>The analyst's client (bearer token).</summary>
    public HttpClient AnalystClient { get; private set; } = default!;

    public QueryService Queries => App.Services.GetRequiredService<QueryService>();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await App.Services.GetRequiredService<GroupDirectory>().AddFirstAdministratorAsync(AccountsApp.AdminName);
        Admin = Client((await TokenAsync(AccountsApp.AdminName)).Secret);
        AnalystClient = Client((await AccessTokenTests.CreateTokenAsync(App, Analyst)).Secret);
        await AsAdminAsync(
            """
            CREATE SCHEMA sales; CREATE SCHEMA hr; CREATE SCHEMA vault;
            CREATE TABLE sales.orders AS SELECT range AS id, range * 10 AS amount FROM range(3);
            CREATE TABLE sales.customers AS SELECT * FROM (VALUES (1, 'john@example.com'), (2, 'mary@example.org')) AS t(id, email);
            CREATE TABLE hr.salaries AS SELECT range AS id, 5000 + range AS salary FROM range(3);
            CREATE TABLE vault.codes AS SELECT 'x' AS code;
            CREATE TABLE sales.report AS SELECT o.id, o.amount, s.salary FROM sales.orders o JOIN hr.salaries s ON o.id = s.id;
            CREATE TABLE hr.bonus AS SELECT id, amount / 10 AS bonus FROM sales.orders;
            GRANT USE CATALOG ON CATALOG main TO USER ann;
            GRANT USE SCHEMA, SELECT ON SCHEMA sales TO USER ann;
            GRANT USE SCHEMA ON SCHEMA hr TO USER ann;
            """);
        await App.Services.GetRequiredService<CatalogStore>().ClassifyColumnAsync(
            new SecurablePath("main", "sales", "customers", "email"), null, new PiiClassification("email", 0.9, PiiSource.Manual));
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        AnalystClient.Dispose();
        await App.DisposeAsync();
    }

    public Task<IReadOnlyList<StatementResult>> AsAdminAsync(string sql) => Queries.ExecuteAsync(sql, new QueryRequest(AccountsApp.AdminName));

    /// <summary>The table's rows as the administrator reads them, for checking what is stored.</summary>
    public async Task<IReadOnlyList<object?[]>> RowsAsync(string sql) => (await AsAdminAsync(sql))[^1].Rows;

    public Task<TableInfo?> TableAsync(string schema, string table) =>
        App.Services.GetRequiredService<CatalogStore>().FindTableAsync(SecurablePath.ForTable("main", schema, table));

    private HttpClient Client(string secret)
    {
        var client = App.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<CreatedAccessToken> TokenAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchAccount>>().FindByNameAsync(userName);
        return await App.Services.GetRequiredService<AccessTokens>().CreateAsync(account!.Id, "script", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
    }
}
