using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Bench.Tpch;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// backup: a lakehouse of the eight TPC-H tables (SF0.1 unless --data DIR) backed up to a folder repository, full, then
/// incremental after one small INSERT, then verified; the baseline is a plain recursive copy of the same table folders in
/// the same process (what a backup must at least read and write once). Prints MB/s of each step, the bytes the
/// incremental added and its ratio to the full, then <c>RESULT backup ...</c>. Arguments: [--data DIR] [--runs N] (default 3, best of).
/// </summary>
public sealed class BackupBenchmark : IBenchmark
{
    public string Name => "backup";

    public string Description => "full and incremental backup of TPC-H tables to a folder repository, and verify, vs. a plain file copy (MB/s)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var data = new TpchData(Option(args, "--data") ?? TpchData.DefaultFolder());
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-bench-backup-{Guid.NewGuid():N}");
        var external = Path.Combine(folder, "external");
        Directory.CreateDirectory(external);
        try
        {
            using var duckDb = DuckDbDatabase.Open();
            await using var services = new ServiceCollection()
                .AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, folder)
                .AddSingleton(duckDb)
                .AddCatalogTableRegistration(Path.Combine(folder, "warehouse"))
                .BuildServiceProvider();
            await services.MigrateCatalogAsync(cancellationToken);
            using var service = new QueryService(
                services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
                new QueryServiceOptions { WarehouseRoot = Path.Combine(folder, "warehouse"), ExternalLocations = { external }, AuthMode = AuthMode.Single });
            var request = new QueryRequest("bench", TpchTables.Schema);
            await TpchTables.LoadAsync(service, request, data, external, TpchData.Tables, cancellationToken);
            var lakeBytes = Directory.EnumerateFiles(external, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(FormattableString.Invariant($"{data.Folder}: {TpchData.Tables.Length} tables, {lakeBytes / 1e6:F1} MB; {Environment.ProcessorCount} cores; best of {runs}"));

            var copy = Best(runs, () => CopyTree(external, Path.Combine(folder, "copy-" + Guid.NewGuid().ToString("N"))));
            var (full, incremental, verify, newBytes) = (double.MaxValue, double.MaxValue, double.MaxValue, 0L);
            for (var run = 0; run < runs; run++)
            {
                var backups = Backups(services, duckDb, Path.Combine(folder, "repository-" + run), folder);
                var clock = Stopwatch.StartNew();
                await backups.BackupAsync(cancellationToken);
                full = Math.Min(full, clock.Elapsed.TotalSeconds);
                await service.ExecuteAsync($"INSERT INTO {TpchTables.Schema}.orders SELECT * FROM {TpchTables.Schema}.orders LIMIT 100", request, cancellationToken);
                clock.Restart();
                var second = await backups.BackupAsync(cancellationToken);
                incremental = Math.Min(incremental, clock.Elapsed.TotalSeconds);
                newBytes = second.NewBytes;
                clock.Restart();
                var verified = await backups.VerifyAsync(second.SetId, cancellationToken);
                verify = Math.Min(verify, clock.Elapsed.TotalSeconds);
                if (!verified.Usable)
                {
                    throw new InvalidOperationException($"The set the bench took does not verify: {string.Join(", ", verified.Problems.Select(p => p.Path))}");
                }
            }

            var mb = lakeBytes / 1e6;
            Console.WriteLine(FormattableString.Invariant($"plain copy    {copy,7:F2} s  {mb / copy,8:F1} MB/s"));
            Console.WriteLine(FormattableString.Invariant($"full backup   {full,7:F2} s  {mb / full,8:F1} MB/s  ({full / copy:F2}x the copy)"));
            Console.WriteLine(FormattableString.Invariant($"incremental   {incremental,7:F2} s  {mb / incremental,8:F1} MB/s of lakehouse  new bytes {newBytes / 1e6:F3} MB ({(double)newBytes / lakeBytes:P2} of it)"));
            Console.WriteLine(FormattableString.Invariant($"verify        {verify,7:F2} s  {mb / verify,8:F1} MB/s"));
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT backup full_mb_s={mb / full:F1} full_vs_copy={full / copy:F2} incremental_s={incremental:F2} incremental_new_mb={newBytes / 1e6:F3} verify_mb_s={mb / verify:F1}"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static LakehouseBackups Backups(IServiceProvider services, DuckDbDatabase duckDb, string repository, string dataFolder) => new(
        repository, new ObjectStoreFactory(new StorageOptions(), null, new ConditionalCreateProbe()), services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(),
        duckDb, dataFolder, services.GetRequiredService<WarehouseLayout>(), services.GetRequiredService<DeltaTableDiscovery>(),
        services.GetRequiredService<CatalogTableObserver>(), TimeProvider.System);

    private static double Best(int runs, Action work)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
