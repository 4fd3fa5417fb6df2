using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Web.Api;

namespace NeuroLake.Bench.Benchmarks;

/// <summary>
/// concurrency: N clients each sending small SELECTs (point lookups and one-bucket aggregates on a 100k-row table),
/// one after another, to <c>POST /api/v1/sql</c> of the real web app on Kestrel (random port, real sockets), vs. the
/// same statements through the app's <c>QueryService</c> in-process (the service without HTTP), and on raw DuckDB connections (one per client) over the table's Parquet files. Each client count runs
/// for a fixed time, service first, then raw. Prints statements/s, p50 and p99 per side and the throughput ratio
/// raw / service, then <c>RESULT concurrency clients=N ratio=...</c> for the main client count (goal ≤ 2 at 8 clients).
/// Arguments: [--clients N] (default 8; 1 and 50 are always measured too) [--seconds S] (default 5 per side and count)
/// [--rows N] (default 100000) [--warmup S] (default 2: seconds of statements per side and count before timing).
/// </summary>
public sealed class ConcurrencyBenchmark : IBenchmark
{
    public string Name => "concurrency";

    public string Description => "N clients of small SELECTs through POST /api/v1/sql vs. raw DuckDB connections (goal throughput ratio <= 2 at 8 clients)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var clients = int.Parse(Option(args, "--clients") ?? "8", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var rows = long.Parse(Option(args, "--rows") ?? "100000", CultureInfo.InvariantCulture);
        var warmUp = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup") ?? "2", CultureInfo.InvariantCulture));
        await using var app = new BenchApp();
        app.UseKestrel(0);
        app.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = app.ClientOptions.BaseAddress };
        await PostAsync(http, "CREATE SCHEMA bench", cancellationToken);
        await PostAsync(http, $"CREATE TABLE bench.items AS SELECT range AS id, range % 100 AS bucket, 'item-' || range AS name, (range * 7 % 1000) / 10.0 AS price FROM range({rows})", cancellationToken);

        var queries = app.Services.GetRequiredService<QueryService>();
        var user = app.Services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.User;
        using var raw = DuckDbDatabase.Open();
        var files = await FilesOfAsync(app.Services, raw, cancellationToken);
        using (var connection = raw.Connect())
        {
            connection.Execute($"CREATE VIEW items AS SELECT * FROM read_parquet([{string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'"))}])");
        }

        Console.WriteLine(FormattableString.Invariant($"DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores; table of {rows} rows in {files.Count} Parquet file(s); {seconds} s per side and client count; web app on {app.ClientOptions.BaseAddress}"));
        var duration = TimeSpan.FromSeconds(seconds);
        var ratio = 0.0;
        foreach (var count in new[] { 1, clients, 50 }.Distinct())
        {
            var service = await MeasureAsync(count, duration, warmUp, rows, (sql, ct) => PostAsync(http, Qualified(sql), ct), cancellationToken);
            var inProcess = await MeasureAsync(count, duration, warmUp, rows, (sql, ct) => queries.ExecuteAsync(Qualified(sql), new QueryRequest(user), ct), cancellationToken);
            List<DuckDbConnection> connections;
            // Like the service's statements nobody watches (the SQL API's): no progress tracking, which costs DuckDB CPU.
            using (DuckDbActivity.Begin(trackProgress: false))
            {
                connections = Enumerable.Range(0, count).Select(_ => raw.Connect()).ToList();
            }

            try
            {
                var direct = await MeasureAsync(count, duration, warmUp, rows, (sql, ct, client) => RawAsync(connections[client], sql, ct), cancellationToken);
                var r = direct.PerSecond / service.PerSecond;
                ratio = count == clients ? r : ratio;
                Console.WriteLine(FormattableString.Invariant(
                    $"clients {count,3}: http {service.PerSecond,6:F0} stmt/s p50 {service.P50,6:F2} ms p99 {service.P99,7:F2} ms cpu {service.CpuPerStatement:F2} ms/stmt | in-process {inProcess.PerSecond,6:F0} stmt/s p50 {inProcess.P50,6:F2} ms cpu {inProcess.CpuPerStatement:F2} ms/stmt | raw duckdb {direct.PerSecond,8:F0} stmt/s p50 {direct.P50,7:F2} ms p99 {direct.P99,7:F2} ms cpu {direct.CpuPerStatement:F2} ms/stmt | ratio {r:F2} cpu ratio {service.CpuPerStatement / direct.CpuPerStatement:F2}"));
            }
            finally
            {
                connections.ForEach(c => c.Dispose());
            }
        }

        Console.WriteLine(FormattableString.Invariant($"RESULT concurrency clients={clients} ratio={ratio:F3}"));
    }

    private static string Qualified(string sql) => sql.Replace("FROM items", "FROM bench.items", StringComparison.Ordinal);

    /// <summary>The i-th statement of a client: point lookups and small aggregates, alternating.</summary>
    private static string Statement(int client, int i, long rows)
    {
        var k = (client * 7919L + i * 104729L) % rows;
        return i % 2 == 0
            ? $"SELECT id, name, price FROM items WHERE id = {k}"
            : $"SELECT bucket, count(*) AS n, sum(price) AS total FROM items WHERE bucket = {k % 100} GROUP BY bucket";
    }

    private static Task<Side> MeasureAsync(int clients, TimeSpan duration, TimeSpan warmUp, long rows, Func<string, CancellationToken, Task> run, CancellationToken ct) =>
        MeasureAsync(clients, duration, warmUp, rows, (sql, token, _) => run(sql, token), ct);

    private static async Task<Side> MeasureAsync(int clients, TimeSpan duration, TimeSpan warmUp, long rows, Func<string, CancellationToken, int, Task> run, CancellationToken ct)
    {
        // Clients on threads of their own (raw DuckDB blocks its caller), and a pool big enough for every client
        // from the start, so neither side waits for the thread pool to grow.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, clients + 16), io);
        // Statements for a while first, so neither side is timed while warming up: .NET compiles the service's hot
        // paths again, optimized, after their first calls, and on a busy machine that takes seconds.
        var warming = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Client(async () =>
        {
            for (var i = 0; i < 3 || warming.Elapsed < warmUp; i++)
            {
                await run(Statement(c, i % 3, rows), ct, c);
            }
        })));
        var latencies = new List<double>[clients];
        var cpu = ProcessCpuClock.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Client(async () =>
        {
            var own = latencies[c] = [];
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run(Statement(c, i + 3, rows), ct, c);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var used = ProcessCpuClock.Now() - cpu;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Side(all.Count / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), used is { } time && all.Count > 0 ? time.TotalMilliseconds / all.Count : double.NaN);
    }

    private static Task Client(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private static async Task PostAsync(HttpClient http, string sql, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/sql", new { sql }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/sql answered {(int)response.StatusCode} to '{sql}': {body}");
        }
    }

    /// <summary>What the service does for a result, without the service: run, read every value.</summary>
    private static Task RawAsync(DuckDbConnection connection, string sql, CancellationToken ct)
    {
        using var reader = connection.ExecuteReader(sql, ct);
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<IReadOnlyList<string>> FilesOfAsync(IServiceProvider services, DuckDbDatabase raw, CancellationToken ct)
    {
        var location = await services.GetRequiredService<CatalogStore>().FindTableLocationAsync(SecurablePath.ForTable("main", "bench", "items"), ct)
            ?? throw new InvalidOperationException("The web app did not register bench.items.");
        var snapshot = await new DeltaTable(new LocalObjectStore(location), raw).GetSnapshotAsync(null, ct);
        var root = snapshot.Store.GetLocalPath("")!;
        return snapshot.Files.Select(f => snapshot.Store.GetLocalPath(FilePaths.ToKey(f.Path, root))!).ToList();
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <param name="CpuPerStatement">The process's CPU ms per statement, client included: with every core busy, throughput is the cores over it, so the ratio of these holds steadier than wall-clock throughput on a shared machine.</param>
    private sealed record Side(double PerSecond, double P50, double P99, double CpuPerStatement);

    /// <summary>The real web app (found by its SqlRequest type: the bench has a Program of its own) with its data folder in a fresh temp folder, deleted afterwards; warnings only in the log.</summary>
    private sealed class BenchApp : WebApplicationFactory<SqlRequest>
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "neurolake-bench-concurrency-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("NeuroLake:DataDirectory", _data);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // The bench measures throughput: the per-user API rate limit would measure the limiter instead.
            builder.UseSetting("NeuroLake:Limits:ApiRequestsPerMinute", "0");
            // The SQL path is measured, not sign-in: one user, no tokens.
            builder.UseSetting("NeuroLake:Auth:Mode", "Single");
            builder.UseEnvironment("Production");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_data))
            {
                Directory.Delete(_data, recursive: true);
            }
        }
    }
}
