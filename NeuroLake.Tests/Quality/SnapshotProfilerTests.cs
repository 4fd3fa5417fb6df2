using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Quality;

/// <summary>A table bigger than the sample is profiled on the sample, with row count, null shares and bounds exact from the Delta file statistics.</summary>
public sealed class SnapshotProfilerTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Counts_nulls_and_bounds_of_a_big_table_are_exact_and_distinct_counts_come_from_the_sample()
    {
        var table = new DeltaTable(new LocalObjectStore(_folder.Path), duck.Database);
        await table.CreateAsync(new TableDefinition(),
            "SELECT range AS id, CASE WHEN range % 10 = 0 THEN NULL ELSE range % 1000 END AS amount FROM range(90000)");
        await table.AppendAsync("SELECT 90000 + range AS id, CASE WHEN range = 5 THEN -7 ELSE NULL END AS amount FROM range(60000)");
        var snapshot = await table.GetSnapshotAsync();

        var (report, measurements) = new SnapshotProfiler(duck.Database, TimeProvider.System).Profile(snapshot, CancellationToken.None);

        Assert.Equal(SnapshotProfiler.SampleRows, report.RowCount);
        Assert.Equal(150_000L, measurements.Single(m => m.Column is null).RowCount);
        var amount = measurements.Single(m => m.Column == "amount");
        // 9,000 nulls in the first file, 59,999 in the second.
        Assert.Equal(100.0 * 68_999 / 150_000, amount.NullPercent!.Value, 9);
        Assert.Equal(("-7", "999"), (amount.Min, amount.Max));
        Assert.Equal(("0", "149999"), (measurements.Single(m => m.Column == "id").Min, measurements.Single(m => m.Column == "id").Max));
        Assert.Equal(1, snapshot.Version);
        Assert.All(measurements, m => Assert.Equal(1, m.TableVersion));
        // 900 values (and -7 once) spread evenly: a 100,000-row sample sees nearly all of them.
        Assert.InRange(amount.DistinctCount!.Value, 880, 901);
    }

    public void Dispose() => _folder.Dispose();
}
