using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Lineage;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>
/// A query service that records lineage, with two small tables in the default schema s:
/// s.orders (id, customer_id, amount, status, ordered_at) at version 1 and s.customers (id, name, country) at version 1.
/// </summary>
public abstract class LineageServiceTestBase(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    protected LineageStore Lineage => Services.GetRequiredService<LineageStore>();

    protected RecordingLoggerFactory Logs { get; } = new();

    protected override string DefaultSchema => "s";

    protected override ILoggerFactory? LoggerFactoryForService => Logs;

    protected static SecurablePath Table(string table) => new("main", "s", table);

    /// <summary>Each column of <paramref name="table"/> with the columns it was computed from, as <c>col&lt;-t.a,u.b</c>, in column order.</summary>
    protected async Task<IReadOnlyList<string>> ColumnLineageOf(string table)
    {
        var info = await Catalog.FindTableAsync(Table(table));
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

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.orders (id INTEGER, customer_id INTEGER, amount DOUBLE, status VARCHAR, ordered_at DATE);
            CREATE TABLE s.customers (id INTEGER, name VARCHAR, country VARCHAR);
            INSERT INTO s.orders VALUES (1, 10, 5.0, 'open', DATE '2024-01-01'), (2, 11, 7.5, 'paid', DATE '2024-01-02');
            INSERT INTO s.customers VALUES (10, 'Ana', 'PT'), (11, 'Bo', 'SE');
            """);
    }

    /// <summary>The lineage store the service records into; a test may hand it one that fails.</summary>
    protected override LineageStore? LineageStoreForService(IServiceProvider services) => services.GetRequiredService<LineageStore>();
}
