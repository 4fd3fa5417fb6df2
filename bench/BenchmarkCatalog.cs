using NeuroLake.Bench.Benchmarks;

namespace NeuroLake.Bench;

/// <summary>Every benchmark the runner knows; add new ones here.</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new DuckDbReadBenchmark(),
        new CatalogSearchBenchmark(),
        new AppendBenchmark(),
        new SnapshotOpenBenchmark(),
        new MergeBenchmark(),
        new ZOrderBenchmark(),
        new TpchBenchmark(),
        new ConcurrencyBenchmark(),
        new IngestBenchmark(),
        new AdmissionBenchmark(),
        new BackupBenchmark(),
    ];
}
