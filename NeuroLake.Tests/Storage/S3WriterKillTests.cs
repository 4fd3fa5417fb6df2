using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage;

/// <summary>
/// A writer process committing to a table on the S3 test server (commits coordinated by the catalog, as s3rver ignores
/// conditional create) is killed with SIGKILL while it commits: nothing it committed is lost, nothing half-done is
/// visible, and the next writer commits after it.
/// </summary>
public sealed class S3WriterKillTests(DuckDbFixture duck, WriterProcess writer) : IClassFixture<DuckDbFixture>, IClassFixture<WriterProcess>
{
    private static readonly DeltaTableOptions NoCheckpoints = new() { CheckpointInterval = 100_000 };

    [S3Fact]
    public async Task A_writer_killed_mid_commit_loses_no_committed_row_and_the_next_writer_commits_after_it()
    {
        await using var storage = new S3TestStorage();
        using var catalogFolder = new TempFolder();
        await using var catalog = new ServiceCollection().AddNeuroLakeCatalog(CatalogProvider.Sqlite, null, catalogFolder.Path).BuildServiceProvider();
        await catalog.MigrateCatalogAsync();
        using var factory = new ObjectStoreFactory(
            new StorageOptions { Commits = CommitCoordination.Coordinator, S3 = storage.Options.S3 }, catalog.GetRequiredService<ICommitCoordinator>(), new ConditionalCreateProbe());
        var location = storage.Root.Child("main/s/t").ToString();
        var table = new DeltaTable(await factory.OpenAsync(location), duck.Database, NoCheckpoints);
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS writer, 0 AS seq");

        using var process = writer.Start("append-s3", location, catalogFolder.Path, "1", "100000");
        var errors = process.StandardError.ReadToEndAsync();
        var printed = -1;
        while (printed < 20)
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            if (line is null)
            {
                Assert.Fail("the writer ended before it could be killed: " + await errors);
            }

            printed = int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        }

        // Commits follow each other with no pause, so the kill lands inside one: uploading data, ratifying or publishing.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        // Lines the writer printed before it died may still sit in the pipe: the last one printed is the one that counts
        // (a line cut by the kill is shorter, so never larger).
        while (await process.StandardOutput.ReadLineAsync() is { } more)
        {
            printed = int.TryParse(more, System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? Math.Max(printed, sequence) : printed;
        }

        var store = await factory.OpenAsync(location);
        var afterKill = await new DeltaTable(store, duck.Database, NoCheckpoints).GetSnapshotAsync();
        // Version 0 is the first row; the killed writer committed every sequence it printed, and maybe one it had no time to print.
        Assert.InRange(afterKill.Version, printed + 1, printed + 2);
        // A mismatch names every file's row and every log key, so a rare failure can be told apart from a race in the test.
        var logKeysAfterKill = (await store.ListAsync(LogFileName.LogFolder)).Select(o => $"{o.Key} ({o.Size} B)");
        Assert.True(afterKill.Version + 1 == afterKill.Files.Count,
            $"version {afterKill.Version}, printed {printed}, {afterKill.Files.Count} files: " +
            string.Join("; ", afterKill.Files.Select(f => $"{f.Path} {f.Stats}")) + " | log: " + string.Join(", ", logKeysAfterKill));
        Assert.Equal(afterKill.Version + 1, afterKill.Files.Sum(f => Records(f.Stats)));

        var next = await new DeltaTable(store, duck.Database, NoCheckpoints).AppendAsync("SELECT 2 AS writer, 0 AS seq");

        Assert.Equal(afterKill.Version + 1, next.Version);
        var logKeys = (await store.ListAsync(LogFileName.LogFolder)).Select(o => o.Key).ToList();
        Assert.Equal(Enumerable.Range(0, (int)next.Version + 1).Select(v => LogFileName.CommitKey(v)), logKeys);
        var latest = await new DeltaTable(store, duck.Database, NoCheckpoints).GetSnapshotAsync();
        Assert.Equal(next.Version + 1, latest.Files.Sum(f => Records(f.Stats)));
    }

    private static long Records(string? stats)
    {
        Assert.NotNull(stats);
        using var json = JsonDocument.Parse(stats);
        return json.RootElement.GetProperty("numRecords").GetInt64();
    }
}
