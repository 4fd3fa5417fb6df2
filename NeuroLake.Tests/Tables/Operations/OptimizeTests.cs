using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations;
using NeuroLake.Engine.Tables.Operations.Skipping;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class OptimizeTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    /// <summary>20,000 rows whose x and y are scrambled independently of each other and of the row order.</summary>
    private const string Points = "SELECT i AS id, (i * 7919) % 10000 AS x, (i * 104729 + 17) % 10007 AS y, repeat('p', 20) AS pad FROM range(20000) t(i)";

    private async Task<DeltaTable> PointsTableAsync()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), $"SELECT * FROM ({Points}) WHERE id % 8 = 0");
        for (var k = 1; k < 8; k++)
        {
            await table.AppendAsync($"SELECT * FROM ({Points}) WHERE id % 8 = {k}");
        }

        return table;
    }

    private async Task<int> FilesReadAsync(DeltaTable table, string predicate)
    {
        var snapshot = await table.GetSnapshotAsync();
        var skipping = new FileSkipping(predicate, snapshot.Schema, snapshot.PartitionColumns);
        return snapshot.Files.Count(skipping.MayMatch);
    }

    [Fact]
    public async Task ZOrder_makes_min_max_stats_selective_for_each_column()
    {
        var table = await PointsTableAsync();
        var bytes = (await table.GetSnapshotAsync()).SizeInBytes;
        Assert.Equal(8, await FilesReadAsync(table, "x >= 5000 AND x < 5100"));
        Assert.Equal(8, await FilesReadAsync(table, "y >= 5000 AND y < 5100"));

        var result = await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"], TargetFileSizeBytes = bytes / 64 });

        Assert.True(result.Committed);
        var files = (await table.GetSnapshotAsync()).Files.Count;
        Assert.InRange(files, 48, 80);
        Assert.Equal(8, result.Metric("numFilesRemoved"));
        Assert.Equal(files, result.Metric("numFilesAdded"));
        Assert.Equal(8, result.Metric("numFilesBefore"));
        Assert.Equal(files, result.Metric("numFilesAfter"));
        Assert.True(result.Metric("numBytesAfter") > 0);
        var readX = await FilesReadAsync(table, "x >= 5000 AND x < 5100");
        var readY = await FilesReadAsync(table, "y >= 5000 AND y < 5100");
        Assert.True(readX <= files / 3 && readY <= files / 3, $"x: {readX} of {files} files, y: {readY} of {files} files");
        await AssertRowsAsync(table, Points);
    }

    [Fact]
    public async Task ZOrder_again_on_the_same_columns_commits_nothing()
    {
        var table = await PointsTableAsync();
        var first = await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });

        var again = await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });

        Assert.True(first.Committed);
        Assert.False(again.Committed);
        Assert.Equal(first.Version, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task ZOrder_is_remembered_through_checkpoints()
    {
        var table = await PointsTableAsync();
        await table.SetPropertiesAsync(new Dictionary<string, string?> { ["delta.checkpointInterval"] = "1" });
        await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });

        var reopened = Reopen(table);
        var again = await reopened.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });
        var otherColumns = await reopened.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["y"] });

        Assert.NotNull((await reopened.GetSnapshotAsync()).CheckpointVersion);
        Assert.False(again.Committed);
        Assert.True(otherColumns.Committed);
    }

    [Fact]
    public async Task Bin_packing_compacts_small_files_per_partition_with_data_change_false()
    {
        var table = await SampleTableAsync("p", "grp");
        var before = await table.GetSnapshotAsync();
        Assert.Equal(16, before.Files.Count);

        var result = await table.OptimizeAsync();

        var after = await table.GetSnapshotAsync();
        Assert.Equal(4, after.Files.Count);
        Assert.Equal(16, result.Metric("numFilesRemoved"));
        Assert.Equal(4, result.Metric("numFilesAdded"));
        Assert.Equal(before.SizeInBytes, result.Metric("numBytesBefore"));
        Assert.Equal(after.SizeInBytes, result.Metric("numBytesAfter"));
        Assert.All(after.Files, f => Assert.False(f.DataChange));
        Assert.All(after.Files, f => Assert.StartsWith($"grp={f.PartitionValues["grp"]}/", f.Path, StringComparison.Ordinal));
        var commit = await File.ReadAllTextAsync(Path.Combine(table.Location, "_delta_log", $"{result.Version:D20}.json"));
        Assert.DoesNotContain("\"dataChange\":true", commit, StringComparison.Ordinal);
        await AssertRowsAsync(table, Source);
        await AssertRowsAsync(table, Source, version: before.Version);
        Assert.Equal("OPTIMIZE", (await table.GetHistoryAsync(1))[0].Operation);
    }

    [Fact]
    public async Task Optimize_again_on_a_compacted_table_commits_nothing()
    {
        var table = await SampleTableAsync();
        var first = await table.OptimizeAsync();

        var again = await table.OptimizeAsync();

        Assert.True(first.Committed);
        Assert.False(again.Committed);
        Assert.Equal(first.Version, (await table.GetSnapshotAsync()).Version);
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Optimize_where_touches_only_the_chosen_partitions()
    {
        var table = await SampleTableAsync("p", "grp");

        var result = await table.OptimizeAsync(new OptimizeOptions { Where = "grp IN (1, 2)" });

        var files = (await table.GetSnapshotAsync()).Files;
        Assert.Equal(8, result.Metric("numFilesRemoved"));
        Assert.Equal(1, files.Count(f => f.PartitionValues["grp"] == "1"));
        Assert.Equal(4, files.Count(f => f.PartitionValues["grp"] == "3"));
        await AssertRowsAsync(table, Source);
    }

    [Theory]
    [InlineData("v > 3", null, "partition columns")]
    [InlineData(null, "grp", "partition column")]
    [InlineData(null, "nope", "'nope'")]
    public async Task Optimize_with_bad_input_fails_clearly_and_changes_nothing(string? where, string? zOrder, string expected)
    {
        var table = await SampleTableAsync("p", "grp");

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() =>
            table.OptimizeAsync(new OptimizeOptions { Where = where, ZOrderBy = zOrder is null ? [] : [zOrder] }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task ZOrder_on_a_partitioned_table_clusters_each_partition_and_keeps_its_values()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["part"] }, $"SELECT *, id % 2 AS part FROM ({Points}) WHERE id < 4000");
        await table.AppendAsync($"SELECT *, id % 2 AS part FROM ({Points}) WHERE id >= 4000 AND id < 8000");

        var result = await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x", "y"] });

        Assert.Equal(2, result.Metric("partitionsOptimized"));
        var files = (await table.GetSnapshotAsync()).Files;
        Assert.All(files, f => Assert.StartsWith($"part={f.PartitionValues["part"]}/", f.Path, StringComparison.Ordinal));
        await AssertRowsAsync(table, $"SELECT *, id % 2 AS part FROM ({Points}) WHERE id < 8000");
    }

    [Fact]
    public async Task Optimize_on_an_empty_table_commits_nothing()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id, 2 AS x WHERE false");

        var binPack = await table.OptimizeAsync();
        var zOrder = await table.OptimizeAsync(new OptimizeOptions { ZOrderBy = ["x"] });

        Assert.False(binPack.Committed);
        Assert.False(zOrder.Committed);
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
    }
}
