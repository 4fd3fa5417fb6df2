using System.Diagnostics;
using System.Globalization;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// Streams a 20M-row (BIGINT, DOUBLE, VARCHAR, TIMESTAMP) result into .NET through the chunk API, touching
/// every value, and compares with DuckDB materializing the same query inside itself (CREATE TEMP TABLE AS).
/// Best of 3 runs after a warm-up. Optional argument: the row count.
/// </summary>
public sealed class DuckDbReadBenchmark : IBenchmark
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public string Name => "duckdb-read";

    public string Description => "stream 20M rows (BIGINT, DOUBLE, VARCHAR, TIMESTAMP) into .NET vs. DuckDB materializing them";

    public Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 20_000_000;
        var query = $"""
            SELECT range AS id, range * 0.5::DOUBLE AS amount, 'customer-' || range AS name,
                   make_timestamp(1577836800000000 + range * 1000000) AS ts
            FROM range({rows})
            """;

        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        Console.WriteLine($"DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores, {rows:N0} rows");

        // Runs alternate between the two sides so load changes on a shared machine hit both alike.
        var (streamed, native) = BestOfThree(
            ("stream into .NET", () => StreamIntoDotNet(connection, query, rows, cancellationToken)),
            ("DuckDB CREATE TEMP TABLE AS", () => connection.Execute($"CREATE OR REPLACE TEMP TABLE duckdb_read_native AS {query}")));
        connection.Execute("DROP TABLE IF EXISTS duckdb_read_native");

        var rowsPerSecond = rows / streamed.TotalSeconds;
        var ratio = streamed.TotalSeconds / native.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT duckdb-read rows_per_s={rowsPerSecond:F0} ratio_vs_native={ratio:F2}"));
        return Task.CompletedTask;
    }

    private static void StreamIntoDotNet(DuckDbConnection connection, string query, long expectedRows, CancellationToken cancellationToken)
    {
        long count = 0, sumIds = 0, textBytes = 0, sumTicks = 0;
        double sumAmounts = 0;
        using (var reader = connection.ExecuteReader(query, cancellationToken))
        {
            while (reader.ReadChunk() is { } chunk)
            {
                var ids = chunk.GetData<long>(0);
                var amounts = chunk.GetData<double>(1);
                var micros = chunk.GetData<long>(3);
                for (var r = 0; r < chunk.RowCount; r++)
                {
                    sumIds += ids[r];
                    sumAmounts += amounts[r];
                    textBytes += chunk.GetByteLength(2, r);
                    sumTicks += UnixEpochTicks + micros[r] * 10;
                }

                count += chunk.RowCount;
            }
        }

        if (count != expectedRows || sumIds != expectedRows * (expectedRows - 1) / 2 || sumAmounts <= 0 || textBytes <= 0 || sumTicks == 0)
        {
            throw new InvalidOperationException($"Streamed {count} rows with wrong sums: the reader is broken.");
        }
    }

    private static (TimeSpan First, TimeSpan Second) BestOfThree((string Label, Action Run) first, (string Label, Action Run) second)
    {
        first.Run(); // warm-up
        second.Run();
        var best = (First: TimeSpan.MaxValue, Second: TimeSpan.MaxValue);
        for (var i = 1; i <= 3; i++)
        {
            var a = Time(first.Run);
            var b = Time(second.Run);
            best = (a < best.First ? a : best.First, b < best.Second ? b : best.Second);
            Console.WriteLine($"  run {i}: {first.Label} {a.TotalMilliseconds:F0} ms, {second.Label} {b.TotalMilliseconds:F0} ms");
        }

        Console.WriteLine($"best: {first.Label} {best.First.TotalMilliseconds:F0} ms, {second.Label} {best.Second.TotalMilliseconds:F0} ms");
        return best;
    }

    private static TimeSpan Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed;
    }
}
