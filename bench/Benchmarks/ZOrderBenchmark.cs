using System.Globalization;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Operations.Skipping;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// zorder: the fraction of files a narrow range predicate on x, and one on y, must read (min/max skipping) before
/// and after <c>OPTIMIZE ZORDER BY (x, y)</c> on N rows (default 10M). Prints
/// <c>RESULT zorder files_read_x_before=... files_read_x_after=... files_read_y_before=... files_read_y_after=...</c>.
/// </summary>
public sealed class ZOrderBenchmark : IBenchmark
{
    public string Name => "zorder";

    public string Description => "share of files a narrow range on x and on y reads before and after OPTIMIZE ZORDER BY (x, y)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var query = $"SELECT range AS id, CAST(hash(range) % 1000000 AS BIGINT) AS x, CAST(hash(range + 1) % 1000000 AS BIGINT) AS y FROM range({rows})";
        var root = Path.Combine(Path.GetTempPath(), "nl-bench-zorder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            using var db = DuckDbDatabase.Open();
            var table = new DeltaTable(new LocalObjectStore(Path.Combine(root, "table")), db, new DeltaTableOptions { TargetFileSizeBytes = 2L * 1024 * 1024 });
            await table.CreateAsync(new TableDefinition(), query);
            var (xBefore, yBefore) = await FractionsAsync(table);
            await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });
            var (xAfter, yAfter) = await FractionsAsync(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT zorder files_read_x_before={xBefore:F3} files_read_x_after={xAfter:F3} files_read_y_before={yBefore:F3} files_read_y_after={yAfter:F3}"));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<(double X, double Y)> FractionsAsync(DeltaTable table)
    {
        var snapshot = await table.GetSnapshotAsync();
        double Fraction(string predicate)
        {
            var skipping = new FileSkipping(predicate, snapshot.Schema, snapshot.PartitionColumns);
            return (double)snapshot.Files.Count(skipping.MayMatch) / Math.Max(1, snapshot.Files.Count);
        }

        return (Fraction("x >= 500000 AND x < 505000"), Fraction("y >= 500000 AND y < 505000"));
    }
}
