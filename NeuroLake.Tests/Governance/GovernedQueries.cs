using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Governance;

/// <summary>
/// A query service in <see cref="AuthMode.Accounts"/> over a fresh migrated catalog, with an administrator who has
/// made <c>sales.customers</c> (PII classified: email, name, card, notes) and <c>sales.orders</c>.
/// </summary>
internal sealed class GovernedQueries : IAsyncDisposable
{
    private readonly ServiceProvider _catalog;
    private readonly TempFolder _folder = new();

    private GovernedQueries(ServiceProvider catalog, AuthMode mode)
    {
        _catalog = catalog;
        Governed = Governed.Over(catalog, mode);
        Service = new QueryService(
            catalog.GetRequiredService<CatalogStore>(), catalog.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions { WarehouseRoot = _folder.Sub("warehouse"), ScratchDirectory = _folder.Sub("scratch"), Threads = 2, AuthMode = mode });
    }

    public QueryService Service { get; }

    public Governed Governed { get; }

    public string Admin { get; private set; } = "";

    public CatalogStore Catalog => _catalog.GetRequiredService<CatalogStore>();

    public static async Task<GovernedQueries> StartAsync(CatalogDatabases databases, CatalogProvider provider, AuthMode mode = AuthMode.Accounts)
    {
        var queries = new GovernedQueries(await databases.CreateMigratedAsync(provider), mode);
        queries.Admin = await queries.Governed.AdminAsync();
        await queries.RunAsync(queries.Admin, """
            CREATE SCHEMA sales;
            CREATE TABLE sales.customers AS SELECT * FROM (VALUES
                (1, 'john@example.com', 'John Smith', '4111 1111 1111 1111', 'EU', 'call John at home'),
                (2, 'mary@example.org', 'Mary Ann Lee', '5500-0000-0000-0004', 'US', NULL),
                (3, NULL, NULL, NULL, 'EU', 'none')) AS t(id, email, name, card, region, notes);
            CREATE TABLE sales.orders AS SELECT * FROM (VALUES (10, 1, 9.5), (11, 2, 20.0)) AS o(order_id, customer_id, total);
            GRANT SELECT ON SCHEMA sales TO analyst;
            """);
        foreach (var (column, pii) in new[] { ("email", "email"), ("name", "person_name"), ("card", "credit_card"), ("notes", "free_text_with_pii") })
        {
            await queries.Catalog.ClassifyColumnAsync(
                new SecurablePath("main", "sales", "customers", column), null, new PiiClassification(pii, 0.9, Engine.Catalog.Model.PiiSource.Manual));
        }

        return queries;
    }

    /// <summary>A new user, in <paramref name="groups"/>.</summary>
    public Task<string> UserAsync(params string[] groups) => Governed.UserAsync(Admin, groups);

    public Task<IReadOnlyList<StatementResult>> RunAsync(string user, string sql) => Service.ExecuteAsync(sql, new QueryRequest(user, "sales"));

    public async Task<IReadOnlyList<object?[]>> RowsAsync(string user, string sql) => (await RunAsync(user, sql))[^1].Rows;

    /// <summary>The refusal's message; fails the test when the statement runs.</summary>
    public async Task<string> RefusedAsync(string user, string sql)
    {
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => RunAsync(user, sql));
        return error.Reason;
    }

    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        await _catalog.DisposeAsync();
        _folder.Dispose();
    }
}
