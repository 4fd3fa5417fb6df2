using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Search;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// catalog-search: a SQLite catalog of 10,000 tables × 20 columns, then a mix of exact, prefix, word, tag and filtered
/// searches. Prints <c>RESULT catalog-search p50_ms=… p95_ms=…</c> (goal p95 ≤ 50 ms).
/// Arguments: [tables] [columnsPerTable] [queries].
/// </summary>
public sealed class CatalogSearchBenchmark : IBenchmark
{
    private static readonly string[] Domains =
        ["customer", "order", "invoice", "payment", "product", "shipment", "inventory", "campaign", "session", "ticket"];

    private static readonly string[] Entities = ["events", "facts", "daily", "snapshot", "history", "staging", "summary", "raw"];

    private static readonly string[] ColumnWords =
        ["id", "created_at", "updated_at", "email", "phone", "amount", "currency", "status", "country", "city",
         "name", "price", "quantity", "discount", "channel", "device", "score", "region", "segment", "note"];

    private static readonly string[] DescriptionWords =
        ["revenue", "daily", "aggregated", "customer", "facing", "raw", "cleaned", "deduplicated", "finance", "marketing",
         "support", "retention", "churn", "forecast", "audit", "partner", "export", "import", "weekly", "monthly"];

    private static readonly string[] Tags = ["finance", "marketing", "gold", "silver", "bronze", "pii", "deprecated", "certified"];

    private static readonly string[] Owners = ["ana", "bo", "chen", "dara", "eli", "fay", "gus", "hana", "ivo", "jun"];

    public string Name => "catalog-search";

    public string Description => "ranked catalog search over 10,000 tables x 20 columns on SQLite (goal p95 <= 50 ms)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var tables = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var columnsPerTable = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-bench-catalog-{Guid.NewGuid():N}");
        try
        {
            await using var services = new ServiceCollection()
                .AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, folder)
                .BuildServiceProvider();
            await services.MigrateCatalogAsync(cancellationToken);
            var seed = Stopwatch.StartNew();
            await SeedAsync(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), tables, columnsPerTable, cancellationToken);
            Console.WriteLine(FormattableString.Invariant($"seeded {tables} tables x {columnsPerTable} columns in {seed.Elapsed.TotalSeconds:F1} s"));

            var search = services.GetRequiredService<CatalogSearch>();
            var mix = Queries(tables, queries);
            foreach (var query in mix.Take(50))
            {
                await search.SearchAsync(query, cancellationToken);
            }

            var timings = new List<double>(mix.Count);
            var hits = 0L;
            foreach (var query in mix)
            {
                var watch = Stopwatch.StartNew();
                hits += (await search.SearchAsync(query, cancellationToken)).Count;
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine(FormattableString.Invariant($"{mix.Count} queries, {hits} hits, max_ms={timings[^1]:F2}"));
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT catalog-search p50_ms={Percentile(timings, 0.50):F2} p95_ms={Percentile(timings, 0.95):F2}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static List<CatalogSearchQuery> Queries(int tables, int count)
    {
        var random = new Random(7);
        var list = new List<CatalogSearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var t = random.Next(tables);
            list.Add((i % 8) switch
            {
                0 => new CatalogSearchQuery(TableName(t)),
                1 => new CatalogSearchQuery(Domains[t % Domains.Length]),
                2 => new CatalogSearchQuery(ColumnWords[random.Next(ColumnWords.Length)]),
                3 => new CatalogSearchQuery(DescriptionWords[random.Next(DescriptionWords.Length)]),
                4 => new CatalogSearchQuery(Tags[random.Next(Tags.Length)]),
                5 => new CatalogSearchQuery("cust") { Owner = Owners[random.Next(Owners.Length)] },
                6 => new CatalogSearchQuery("email") { HasPii = true, Schema = SchemaName(random.Next(20)) },
                _ => new CatalogSearchQuery("revenue daily") { Tag = Tags[random.Next(Tags.Length)] },
            });
        }

        return list;
    }

    private static string SchemaName(int i) => $"schema_{i:D2}";

    private static string TableName(int t) => $"{Domains[t % Domains.Length]}_{Entities[t / Domains.Length % Entities.Length]}_{t}";

    private static async Task SeedAsync(IDbContextFactory<CatalogDbContext> factory, int tables, int columnsPerTable, CancellationToken ct)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        Guid[] schemaIds;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var catalog = new CatalogRecord { Name = "main", Owner = "ana", CreatedAt = now, UpdatedAt = now };
            var schemas = Enumerable.Range(0, 20)
                .Select(i => new SchemaRecord { CatalogId = catalog.Id, Name = SchemaName(i), Owner = Owners[i % Owners.Length], CreatedAt = now, UpdatedAt = now })
                .ToList();
            db.Catalogs.Add(catalog);
            db.Schemas.AddRange(schemas);
            await db.SaveChangesAsync(ct);
            schemaIds = schemas.Select(s => s.Id).ToArray();
        }

        const int batch = 250;
        for (var start = 0; start < tables; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var t = start; t < Math.Min(tables, start + batch); t++)
            {
                var table = new TableRecord
                {
                    SchemaId = schemaIds[t % schemaIds.Length],
                    Name = TableName(t),
                    Owner = Owners[t % Owners.Length],
                    Description = Sentence(random, 8),
                    Tags = [Tags[t % Tags.Length]],
                    Location = $"/warehouse/main/t{t}",
                    CurrentVersion = t % 50,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                for (var c = 0; c < columnsPerTable; c++)
                {
                    var word = ColumnWords[c % ColumnWords.Length];
                    table.Columns.Add(new ColumnRecord
                    {
                        TableId = table.Id,
                        Name = c < ColumnWords.Length ? word : $"{word}_{c}",
                        Ordinal = c,
                        TypeText = c == 0 ? "long" : "string",
                        Owner = table.Owner,
                        Description = c % 4 == 0 ? Sentence(random, 5) : "",
                        PiiType = word is "email" or "phone" ? word : null,
                        PiiConfidence = word is "email" or "phone" ? 0.9 : null,
                        PiiSource = word is "email" or "phone" ? PiiSource.Detected : null,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }

                db.Tables.Add(table);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => DescriptionWords[random.Next(DescriptionWords.Length)]));
}
