using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Bench.Tpch;

/// <summary>
/// <c>tpch --store s3</c>: the TPC-H queries through the query service over managed tables on an S3 store (written by
/// CTAS from the local tables) vs. the same service over the local tables. Cold: each query on a fresh service with an
/// empty file cache (log reads and file downloads included); warm: the same service again, files cached. Prints
/// <c>RESULT tpch_s3 cold_geomean_ratio=... warm_geomean_ratio=...</c> (ratios to local). The endpoint comes from
/// <c>NEUROLAKE_TEST_S3</c>, <c>NEUROLAKE_TEST_S3_ACCESS_KEY</c>, <c>NEUROLAKE_TEST_S3_SECRET_KEY</c> and
/// <c>NEUROLAKE_TEST_S3_BUCKET</c>, as the tests have it (path-style addressing).
/// </summary>
internal static class TpchOnS3
{
    private const string S3Schema = "tpch_s3";

    public static async Task RunAsync(TpchData data, IReadOnlyList<int> queries, int runs, CancellationToken ct)
    {
        var storage = StorageFromEnvironment();
        var folder = Path.Combine(Path.GetTempPath(), $"neurolake-bench-tpch-s3-{Guid.NewGuid():N}");
        var external = Path.Combine(folder, "external");
        Directory.CreateDirectory(external);
        var warehouse = $"s3://{storage.S3.Bucket}/bench-tpch-{Guid.NewGuid():N}";
        await using var services = new ServiceCollection().AddNeuroLakeCatalog(CatalogProvider.Sqlite, connectionString: null, folder).BuildServiceProvider();
        await services.MigrateCatalogAsync(ct);
        var disposables = new List<IDisposable>();
        QueryService S3Service(string name)
        {
            var cache = new FileCache(Path.Combine(folder, "cache-" + name), long.MaxValue);
            var stores = new ObjectStoreFactory(storage, services.GetRequiredService<ICommitCoordinator>(), new ConditionalCreateProbe(), cache);
            var service = new QueryService(
                services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
                new QueryServiceOptions { WarehouseRoot = warehouse, ExternalLocations = { external }, AuthMode = AuthMode.Single, ScratchDirectory = Path.Combine(folder, "scratch-" + name) },
                stores: stores);
            disposables.AddRange([service, stores]);
            return service;
        }

        try
        {
            using var local = new QueryService(
                services.GetRequiredService<CatalogStore>(), services.GetRequiredService<ICatalogRegistrar>(),
                new QueryServiceOptions { WarehouseRoot = Path.Combine(folder, "warehouse"), ExternalLocations = { external }, AuthMode = AuthMode.Single });
            var localRequest = new QueryRequest("bench", TpchTables.Schema, RowLimit: int.MaxValue);
            var s3Request = localRequest with { DefaultSchema = S3Schema };
            var load = Stopwatch.StartNew();
            await TpchTables.LoadAsync(local, localRequest, data, external, TpchData.Tables, ct);
            var loaded = load.Elapsed;
            load.Restart();
            var writer = S3Service("load");
            await writer.ExecuteAsync($"CREATE SCHEMA {S3Schema}", s3Request, ct);
            foreach (var table in TpchData.Tables)
            {
                await writer.ExecuteAsync($"CREATE TABLE {S3Schema}.{table} AS SELECT * FROM {TpchTables.Schema}.{table}", s3Request, ct);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{data.Folder}: loaded locally in {loaded.TotalSeconds:F1} s, copied to {storage.S3.ServiceUrl} by CTAS in {load.Elapsed.TotalSeconds:F1} s; answers {(data.Answers is null ? "not checked" : "checked")}"));

            var ratios = new List<(int Query, double Cold, double Warm)>();
            foreach (var n in queries)
            {
                var sql = data.Query(n);
                var served = (await local.ExecuteAsync(sql, localRequest, ct))[^1].Rows;
                var localTimes = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    localTimes.Add(await TimeAsync(() => local.ExecuteAsync(sql, localRequest, ct)));
                }

                var s3 = S3Service("q" + n.ToString(CultureInfo.InvariantCulture));
                IReadOnlyList<object?[]>? fromS3 = null;
                var cold = await TimeAsync(async () => fromS3 = (await s3.ExecuteAsync(sql, s3Request, ct))[^1].Rows);
                if (data.AnswerFile(n) is { } answer)
                {
                    TpchAnswers.Check(n, sql, answer, served);
                    TpchAnswers.Check(n, sql, answer, fromS3!);
                }

                var warmTimes = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    warmTimes.Add(await TimeAsync(() => s3.ExecuteAsync(sql, s3Request, ct)));
                }

                var (l, w) = (Medians.Of(localTimes), Medians.Of(warmTimes));
                ratios.Add((n, cold / l, w / l));
                Console.WriteLine(FormattableString.Invariant(
                    $"q{n:00}: local {l,8:F1} ms  s3 cold {cold,8:F1} ms (ratio {cold / l,7:F2})  s3 warm {w,8:F1} ms (ratio {w / l:F3})  rows {fromS3!.Count}"));
            }

            var coldMean = Math.Exp(ratios.Average(q => Math.Log(q.Cold)));
            var warmMean = Math.Exp(ratios.Average(q => Math.Log(q.Warm)));
            Console.WriteLine(FormattableString.Invariant(
                $"RESULT tpch_s3 cold_geomean_ratio={coldMean:F3} warm_geomean_ratio={warmMean:F3} worst_warm_query=q{ratios.MaxBy(q => q.Warm).Query:00}"));
        }
        finally
        {
            await RemoveAsync(storage, warehouse);
            foreach (var d in disposables.AsEnumerable().Reverse())
            {
                d.Dispose();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static StorageOptions StorageFromEnvironment()
    {
        static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: tpch --store s3 needs an S3 endpoint (NEUROLAKE_TEST_S3, _ACCESS_KEY, _SECRET_KEY, _BUCKET), as the tests do.");
        return new StorageOptions
        {
            S3 = new S3Options
            {
                ServiceUrl = Required("NEUROLAKE_TEST_S3"),
                AccessKey = Required("NEUROLAKE_TEST_S3_ACCESS_KEY"),
                SecretKey = Required("NEUROLAKE_TEST_S3_SECRET_KEY"),
                Bucket = Required("NEUROLAKE_TEST_S3_BUCKET"),
                ForcePathStyle = true,
            },
        };
    }

    private static async Task RemoveAsync(StorageOptions storage, string warehouse)
    {
        using var client = S3ClientFactory.Create(storage.S3);
        var store = new S3ObjectStore(client, S3Location.Parse(warehouse), storage.S3);
        foreach (var o in await store.ListAsync(""))
        {
            await store.DeleteAsync(o.Key);
        }
    }
}
