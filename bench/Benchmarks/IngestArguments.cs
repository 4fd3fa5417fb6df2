using System.Globalization;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// Options of the ingest benchmark: <c>--size-mb N</c> (default 1024), <c>--file PATH</c> (an existing CSV instead of a
/// generated one), <c>--memory-limit 256MB</c> (DuckDB's limit; default DuckDB's own), <c>--skip-duckdb</c> (NeuroLake only),
/// <c>--runs N</c> (runs per side, alternating; default 3).
/// </summary>
internal sealed record IngestArguments(long SizeMb, string? File, string? MemoryLimit, bool SkipDuckDb, int Runs = 3)
{
    public static IngestArguments Parse(string[] args)
    {
        var parsed = new IngestArguments(1024, null, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--size-mb" => parsed with { SizeMb = long.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--file" => parsed with { File = Value(args, ++i) },
                "--memory-limit" => parsed with { MemoryLimit = Value(args, ++i) },
                "--skip-duckdb" => parsed with { SkipDuckDb = true },
                "--runs" => parsed with { Runs = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) is > 0 and var runs ? runs : throw new ArgumentException("--runs needs a count of at least 1.") },
                var other => throw new ArgumentException($"Unknown option '{other}': use --size-mb N, --file PATH, --memory-limit 256MB, --skip-duckdb or --runs N."),
            };
        }

        return parsed;
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
}
