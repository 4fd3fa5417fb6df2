using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.History;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Recommendations;
using NeuroLake.Engine.Catalog.Search;
using NeuroLake.Engine.Catalog.SchemaHistory;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Tests.Web.Catalog;

/// <summary>
/// The real web app in memory, shared by a test class: its catalog, tables and query service back the components a bUnit
/// test renders. Each test makes its own table (<see cref="CreateTableAsync"/>), so tests that change tables stay apart.
/// </summary>
public sealed class CatalogApp : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new();
    private int _tables;

    public IServiceProvider Services => _app.Services;

    public QueryService Queries => Services.GetRequiredService<QueryService>();

    public Task InitializeAsync() => Queries.ExecuteAsync("CREATE SCHEMA IF NOT EXISTS sales", new QueryRequest("tester"));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A new table <c>sales.&lt;prefix&gt;_n</c> made by <paramref name="statements"/> (<c>{0}</c> is its name), with the page's context.</summary>
    public async Task<TablePageContext> CreateTableAsync(string prefix, params string[] statements)
    {
        var name = new TableName("sales", $"{prefix}_{Interlocked.Increment(ref _tables)}");
        foreach (var statement in statements)
        {
            await Queries.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, name), new QueryRequest("tester"));
        }

        return await ContextOfAsync(name);
    }

    /// <summary>The table page's context as the page loads it now.</summary>
    public async Task<TablePageContext> ContextOfAsync(TableName name)
    {
        var info = await Services.CreateScope().ServiceProvider.GetRequiredService<TableAccess>().FindAsync(name, CancellationToken.None)
            ?? throw new InvalidOperationException($"{name} is not in the catalog.");
        return new TablePageContext(name, info, () => Task.CompletedTask);
    }

    /// <summary>The query history entries whose SQL contains <paramref name="text"/>.</summary>
    public Task<IReadOnlyList<QueryHistoryEntry>> HistoryOfAsync(string text) =>
        Services.GetRequiredService<QueryHistoryStore>().SearchAsync(new QueryHistorySearch(Text: text));

    /// <summary>Gives a bUnit context the app's services the catalog components inject.</summary>
    public void AddTo(IServiceCollection services)
    {
        // One per circuit in the app; in Single mode its statements run as NeuroLake:User.
        services.AddSingleton(Services.CreateScope().ServiceProvider.GetRequiredService<TableAccess>());
        services.AddSingleton(Services.GetRequiredService<CatalogStore>());
        services.AddSingleton(Services.GetRequiredService<CatalogSearch>());
        services.AddSingleton(Services.GetRequiredService<SchemaHistoryStore>());
        services.AddSingleton(Services.GetRequiredService<TableRecommender>());
        services.AddSingleton(Services.GetRequiredService<QualityStore>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Jobs.JobDefinitionStore>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Web.Catalog.VisibleTables>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Web.Catalog.CatalogEdits>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Governance.ColumnClassifier>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Governance.PrivilegeEvaluator>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Governance.TablePolicies>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Storage.Tiering.TablePlacements>());
        services.AddSingleton(Services.GetRequiredService<NeuroLake.Engine.Governance.Audit.AuditLog>());
        services.AddSingleton(Services.CreateScope().ServiceProvider.GetRequiredService<NeuroLake.Web.Identity.IWorkbenchUser>());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserClock>();
    }
}
