using System.Diagnostics;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables;

/// <summary>Writers in separate processes: the commit protocol holds across processes, and a killed writer harms nothing.</summary>
public sealed class ProcessWriterTests(DuckDbFixture duck, WriterProcess writer) : TableTestBase(duck), IClassFixture<WriterProcess>
{
    [Fact]
    public async Task Eight_writer_processes_appending_fifty_commits_each_produce_400_contiguous_versions_with_every_row()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 0 AS writer, 0 AS seq WHERE false");
        var folder = Path.Combine(Folder, "t");

        var processes = Enumerable.Range(1, 8).Select(w => writer.Start("append", folder, w.ToString(), "50")).ToList();
        var outputs = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, output);
        }));

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.output));
        var latest = await Reopen(table).GetSnapshotAsync();
        Assert.Equal(400, latest.Version);
        var commits = Directory.EnumerateFiles(Path.Combine(folder, "_delta_log"), "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 401).Select(v => $"{v:D20}.json"), commits);
        var sql = DeltaTable.ToSql(latest);
        Assert.Equal(400, Scalar($"SELECT count(*) FROM ({sql})"));
        Assert.Equal(400, Scalar($"SELECT count(DISTINCT (writer, seq)) FROM ({sql}) WHERE writer BETWEEN 1 AND 8 AND seq BETWEEN 0 AND 49"));
    }

    [Fact]
    public async Task A_writer_process_killed_between_writing_data_and_committing_leaves_the_table_readable_and_unchanged()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS writer, 1 AS seq");
        var folder = Path.Combine(Folder, "t");
        var before = Directory.EnumerateFiles(folder, "*.parquet").Count();

        using var process = writer.Start("slow", folder);
        var deadline = Stopwatch.StartNew();
        while (Directory.EnumerateFiles(folder, "*.parquet").Count() == before && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, "the writer ended before it could be killed");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        Assert.True(Directory.EnumerateFiles(folder, "*.parquet").Count() > before);
        var reopened = Reopen(table);
        Assert.Equal(0, (await reopened.GetSnapshotAsync()).Version);
        Assert.Equal(1, Count(reopened));
    }
}
