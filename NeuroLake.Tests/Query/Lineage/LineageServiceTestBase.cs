using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>
/// A query service that records lineage, over its own SQLite catalog and warehouse, with two small tables:
/// s.orders (id, customer_id, amount, status, ordered_at) at version 1 and s.customers (id, name, country) at version 1.
/// </summary>
public abstract class LineageServiceTestBase(CatalogDatabases databases) : IClassFixture<CatalogDatabases>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ServiceProvider? _services;
    private QueryService? _service;

    protected QueryService Service => _service!;

    protected LineageStore Lineage => _services!.GetRequiredService<LineageStore>();

    protected RecordingLoggerFactory Logs { get; } = new();

    protected Task<IReadOnlyList<StatementResult>> Run(string sql) => Service.ExecuteAsync(sql, new QueryRequest("ana", DefaultSchema: "s"));

    protected static SecurablePath Table(string table) => new("main", "s", table);

    /// <summary>Each column of <paramref name="table"/> with the columns it was computed from, as <c>col&lt;-t.a,u.b</c>, in column order.</summary>
    protected async Task<IReadOnlyList<string>> ColumnLineageOf(string table)
    {
        var info = await _services!.GetRequiredService<CatalogStore>().FindTableAsync(Table(table));
        var lines = new List<string>();
        foreach (var column in info!.Columns.OrderBy(c => c.Ordinal))
        {
            // Edges rather than nodes: a column fed by itself (UPDATE SET a = a + 1) is not a node of its own traversal.
            var upstream = await Lineage.UpstreamAsync(Table(table) with { Column = column.Name }, maxDepth: 1);
            var sources = upstream.Edges.Select(e => $"{e.Source.Table}.{e.Source.Column}").Distinct().Order(StringComparer.Ordinal);
            lines.Add($"{column.Name}<-{string.Join(',', sources)}");
        }

        return lines;
    }

    public virtual async Task InitializeAsync()
    {
        _services = await databases.CreateMigratedAsync(CatalogProvider.Sqlite);
        _service = new QueryService(
            _services.GetRequiredService<CatalogStore>(),
            _services.GetRequiredService<ICatalogRegistrar>(),
            new QueryServiceOptions { WarehouseRoot = Path.Combine(_folder.Path, "warehouse"), Threads = 2 },
            lineage: LineageStoreForService(_services),
            loggerFactory: Logs);
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.orders (id INTEGER, customer_id INTEGER, amount DOUBLE, status VARCHAR, ordered_at DATE);
            CREATE TABLE s.customers (id INTEGER, name VARCHAR, country VARCHAR);
            INSERT INTO s.orders VALUES (1, 10, 5.0, 'open', DATE '2024-01-01'), (2, 11, 7.5, 'paid', DATE '2024-01-02');
            INSERT INTO s.customers VALUES (10, 'Ana', 'PT'), (11, 'Bo', 'SE');
            """);
    }

    /// <summary>The lineage store the service records into; a test may hand it one that fails.</summary>
    protected virtual LineageStore LineageStoreForService(IServiceProvider services) => services.GetRequiredService<LineageStore>();

    public virtual async Task DisposeAsync()
    {
        _service?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _folder.Dispose();
    }
}
