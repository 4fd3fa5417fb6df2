using System.Diagnostics;

namespace NeuroLake.Tests.Tables;

/// <summary>
/// A separate writer process for the multi-process tests: a .NET file-based app referencing NeuroLake.Engine, written
/// to a temp folder and built once per test run. Modes: <c>append folder writer commits</c> appends one row per
/// commit; <c>slow folder</c> appends a huge query (to be killed mid-write); <c>append-s3 location catalogFolder
/// writer commits</c> appends one row per commit to a table on S3 (endpoint and keys from the NEUROLAKE_TEST_S3
/// variables) with the SQLite catalog in <c>catalogFolder</c> as commit coordinator, printing each committed sequence.
/// </summary>
public sealed class WriterProcess : IDisposable
{
    private const string Program = """
        using Microsoft.Extensions.DependencyInjection;
        using NeuroLake.Engine.Catalog;
        using NeuroLake.Engine.Configuration;
        using NeuroLake.Engine.DuckDb;
        using NeuroLake.Engine.Storage;
        using NeuroLake.Engine.Storage.S3;
        using NeuroLake.Engine.Tables;

        using var db = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 1 });
        if (args[0] == "append-s3")
        {
            await using var catalog = new ServiceCollection().AddNeuroLakeCatalog(CatalogProvider.Sqlite, null, args[2]).BuildServiceProvider();
            var s3 = new S3Options
            {
                ServiceUrl = Environment.GetEnvironmentVariable("NEUROLAKE_TEST_S3"),
                AccessKey = Environment.GetEnvironmentVariable("NEUROLAKE_TEST_S3_ACCESS_KEY"),
                SecretKey = Environment.GetEnvironmentVariable("NEUROLAKE_TEST_S3_SECRET_KEY"),
                ForcePathStyle = true,
            };
            using var factory = new ObjectStoreFactory(
                new StorageOptions { Commits = CommitCoordination.Coordinator, S3 = s3 }, catalog.GetRequiredService<ICommitCoordinator>(), new ConditionalCreateProbe());
            var remote = new DeltaTable(await factory.OpenAsync(args[1]), db, new DeltaTableOptions { CheckpointInterval = 100_000 });
            var writer = int.Parse(args[3]);
            for (var seq = 0; seq < int.Parse(args[4]); seq++)
            {
                await remote.AppendAsync($"SELECT {writer} AS writer, {seq} AS seq");
                Console.WriteLine(seq);
            }

            return;
        }

        var table = new DeltaTable(new LocalObjectStore(args[1]), db);
        if (args[0] == "append")
        {
            var writer = int.Parse(args[2]);
            for (var seq = 0; seq < int.Parse(args[3]); seq++)
            {
                await table.AppendAsync($"SELECT {writer} AS writer, {seq} AS seq");
            }
        }
        else
        {
            await table.AppendAsync("SELECT range % 100 AS writer, range AS seq FROM range(2000000000)");
        }

        Console.WriteLine("done");
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nl-writer-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _dll;

    public WriterProcess() => _dll = new Lazy<string>(Build);

    public Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(_dll.Value);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private string Build()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "writer.cs");
        File.WriteAllText(file, $"#:project {EngineProject()}\n#:property PublishAot=false\n{Program}");
        var info = new ProcessStartInfo("dotnet", ["build", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var build = Process.Start(info)!;
        var output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.Contains("writer.cs -> ", StringComparison.Ordinal));
        if (build.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException("Building the writer process failed:\n" + output);
        }

        return line[(line.IndexOf("-> ", StringComparison.Ordinal) + 3)..].Trim();
    }

    private static string EngineProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NeuroLake.Engine", "NeuroLake.Engine.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("NeuroLake.Engine.csproj not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
