using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables;

public sealed class PartitionedFileSizeTests(DuckDbFixture duck) : TableTestBase(duck)
{
    // md5 text barely compresses, so 120,000 rows per partition come to a few MB of Parquet.
    private const string Rows = "SELECT i AS id, i % 2 AS p, md5(i::VARCHAR) || md5((i * 7)::VARCHAR) AS payload FROM range(240000) t(i)";

    [Fact]
    public async Task Partitioned_writes_split_files_larger_than_the_target_size_and_keep_every_row()
    {
        var table = NewTable(options: new DeltaTableOptions { TargetFileSizeBytes = 1024 * 1024 });

        await table.CreateAsync(new TableDefinition { PartitionColumns = ["p"] }, Rows);
        var snapshot = await table.GetSnapshotAsync();

        Assert.All(snapshot.Files.GroupBy(f => f.PartitionValues["p"]), partition => Assert.True(partition.Count() > 1, $"partition p={partition.Key} was written as one file"));
        Assert.All(snapshot.Files, file => Assert.True(file.Size < 2 * 1024 * 1024, $"{file.Path} is {file.Size} bytes, far above the 1 MB target"));
        Assert.Equal(0, Scalar($"SELECT count(*) FROM (({Rows}) EXCEPT ALL (SELECT id, p, payload FROM ({DeltaTable.ToSql(snapshot)})))"));
        Assert.Equal(240000, Count(table));
        Assert.Equal(snapshot.Files.Count, Directory.EnumerateFiles(Path.Combine(Folder, "t"), "*.parquet", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task Partitioned_writes_below_the_target_size_keep_one_file_per_partition()
    {
        var table = NewTable();

        await table.CreateAsync(new TableDefinition { PartitionColumns = ["p"] }, "SELECT i AS id, i % 3 AS p FROM range(3000) t(i)");
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal(3, snapshot.Files.Count);
        Assert.Equal(3000, Count(table));
    }
}
