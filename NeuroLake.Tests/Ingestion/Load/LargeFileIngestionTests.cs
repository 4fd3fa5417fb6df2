using System.Diagnostics;
using System.Globalization;
using NeuroLake.Bench.Benchmarks;
using Xunit.Abstractions;

namespace NeuroLake.Tests.Ingestion.Load;

public sealed class LargeFileIngestionTests(ITestOutputHelper output)
{
    private const long SizeMb = 2048;

    [Fact]
    public async Task A_2_GB_csv_is_loaded_in_full_with_peak_memory_under_512_MB()
    {
        // A process of its own, so its peak resident memory (VmHWM, DuckDB's native memory included) is the load's alone.
        // DuckDB's memory limit is a setting users have (NeuroLake:DuckDb:MemoryLimit); past it DuckDB spills to disk.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "NeuroLake.Bench.dll"), "ingest",
                "--size-mb", SizeMb.ToString(CultureInfo.InvariantCulture), "--memory-limit", "224MB", "--skip-duckdb", "--runs", "1",
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(await stdout);

        Assert.True(process.ExitCode == 0, $"The ingest run failed ({process.ExitCode}): {await stderr}");
        var result = (await stdout).Split('\n').Single(l => l.StartsWith("RESULT ingest ", StringComparison.Ordinal))
            .Split(' ').Skip(2).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.True(double.Parse(result["source_mb"], CultureInfo.InvariantCulture) >= 2000, $"The source was only {result["source_mb"]} MB.");
        Assert.Equal(BenchCsv.RowsFor(SizeMb), long.Parse(result["rows"], CultureInfo.InvariantCulture));
        Assert.InRange(double.Parse(result["peak_mb"], CultureInfo.InvariantCulture), 1, 511);
    }
}
