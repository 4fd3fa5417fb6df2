using System.Diagnostics;
using Xunit.Abstractions;

namespace NeuroLake.Tests.DuckDb;

[Collection(NeuroLake.Tests.Infrastructure.MemoryMeasurementCollection.Name)]
public sealed class DuckDbStreamingMemoryTests(ITestOutputHelper output)
{
    private const long Rows = 50_000_000;

    [Fact]
    public void A_50M_row_result_streams_with_flat_memory()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("SET memory_limit = '1GB'");
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        long managedPeak = 0, workingSetPeak = 0;

        long count = 0, sumIds = 0, stringBytes = 0;
        double sumDoubles = 0;
        using (var reader = db.Connection.ExecuteReader($"SELECT range, range * 2.0::DOUBLE, 'x' || range FROM range({Rows})"))
        {
            var chunks = 0;
            while (reader.ReadChunk() is { } chunk)
            {
                var ids = chunk.GetData<long>(0);
                var doubles = chunk.GetData<double>(1);
                for (var r = 0; r < chunk.RowCount; r++)
                {
                    sumIds += ids[r];
                    sumDoubles += doubles[r];
                    stringBytes += chunk.GetByteLength(2, r);
                }

                count += chunk.RowCount;
                if (++chunks % 2000 == 0)
                {
                    process.Refresh();
                    managedPeak = Math.Max(managedPeak, GC.GetTotalMemory(false));
                    workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                }
            }
        }

        // The result is ~50M x (8 + 8 + 16 + ~8) bytes = ~2 GB if it were held whole.
        const long resultBytes = Rows * 40;
        var managedGrowth = managedPeak - managedBefore;
        var workingSetGrowth = workingSetPeak - workingSetBefore;
        output.WriteLine($"managed growth {managedGrowth / 1e6:F1} MB, working set growth {workingSetGrowth / 1e6:F1} MB, result ~{resultBytes / 1e9:F1} GB");

        Assert.Equal(Rows, count);
        Assert.Equal(Rows * (Rows - 1) / 2, sumIds);
        Assert.Equal(Rows * (double)(Rows - 1), sumDoubles, 1e-6 * sumDoubles);
        Assert.True(stringBytes > Rows * 2);
        Assert.True(managedGrowth < 64_000_000, $"managed heap grew {managedGrowth} bytes");
        Assert.True(workingSetGrowth < resultBytes / 4, $"working set grew {workingSetGrowth} bytes");
    }
}
