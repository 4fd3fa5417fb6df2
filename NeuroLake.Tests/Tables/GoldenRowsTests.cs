using NeuroLake.Tests.Infrastructure;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Tests.Tables;

/// <summary>The golden tables Spark wrote read back exactly the rows Spark expects (multiset comparison).</summary>
public sealed class GoldenRowsTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>
{
    public static TheoryData<string> V1WithExpected => new(SharedData.GoldenTables("v1").Where(t => Directory.Exists(Path.Combine(SharedData.Golden("v1", t), "expected"))));

    [Theory]
    [MemberData(nameof(V1WithExpected))]
    public async Task Latest_version_returns_exactly_the_expected_rows(string name)
    {
        var folder = SharedData.Golden("v1", name);
        var table = new DeltaTable(new LocalObjectStore(Path.Combine(folder, "delta")), duck.Database);
        var snapshot = await table.GetSnapshotAsync();
        var ours = DeltaTable.ToSql(snapshot);
        var columns = string.Join(", ", snapshot.Schema.Fields.Select(f => $"CAST({Quote(f.Name)} AS {DuckDbTypes.ToDuckDb(f.Type)}) AS {Quote(f.Name)}"));
        var expected = $"SELECT {columns} FROM read_parquet({Lit(Path.Combine(folder, "expected", "*.parquet"))})";
        var actual = $"SELECT {columns} FROM ({ours})";

        var counts = SqlProbe.Row(duck.Database,
            $"SELECT (SELECT count(*) FROM ({actual})) AS a, (SELECT count(*) FROM ({expected})) AS e, "
            + $"(SELECT count(*) FROM (({actual}) EXCEPT ALL ({expected}))) AS extra, (SELECT count(*) FROM (({expected}) EXCEPT ALL ({actual}))) AS missing");

        Assert.Equal(counts.GetProperty("e").GetInt64(), counts.GetProperty("a").GetInt64());
        Assert.Equal(0, counts.GetProperty("extra").GetInt64());
        Assert.Equal(0, counts.GetProperty("missing").GetInt64());
    }

    [Fact]
    public async Task Checkpoint_table_matches_the_state_replayed_from_json_commits_alone()
    {
        var source = Path.Combine(SharedData.Golden("v1", "checkpoint"), "delta");
        using var copy = new TempFolder();
        Directory.CreateDirectory(Path.Combine(copy.Path, "_delta_log"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "_delta_log"), "*.json"))
        {
            File.Copy(file, Path.Combine(copy.Path, "_delta_log", Path.GetFileName(file)));
        }

        var fromCheckpoint = await new DeltaTable(new LocalObjectStore(source), duck.Database).GetSnapshotAsync();
        var fromJson = await new DeltaTable(new LocalObjectStore(copy.Path), duck.Database).GetSnapshotAsync();

        Assert.NotNull(fromCheckpoint.CheckpointVersion);
        Assert.Null(fromJson.CheckpointVersion);
        Assert.Equal(fromJson.Version, fromCheckpoint.Version);
        Assert.Equal(fromJson.Files.Select(f => (f.Path, f.Size)), fromCheckpoint.Files.Select(f => (f.Path, f.Size)));
        Assert.Equal(fromJson.Metadata.SchemaString, fromCheckpoint.Metadata.SchemaString);
    }

    [Theory]
    [InlineData("time-travel-start-start20-start40")]
    [InlineData("time-travel-schema-changes-b")]
    [InlineData("time-travel-partition-changes-b")]
    public async Task Older_versions_of_time_travel_tables_read_their_own_files_and_schema(string name)
    {
        var table = new DeltaTable(new LocalObjectStore(Path.Combine(SharedData.Golden("v1", name), "delta")), duck.Database);
        var latest = await table.GetSnapshotAsync();

        for (long v = 0; v < latest.Version; v++)
        {
            var old = await table.GetSnapshotAsync(v);
            var rows = SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({DeltaTable.ToSql(old)})");
            Assert.Equal(v, old.Version);
            Assert.True(rows > 0, $"{name}@{v} returned no rows");
            Assert.True(old.Schema.Fields.Count <= latest.Schema.Fields.Count);
        }
    }

    [Fact]
    public async Task Start_start20_start40_versions_hold_10_20_30_rows_of_their_ranges()
    {
        var table = new DeltaTable(new LocalObjectStore(Path.Combine(SharedData.Golden("v1", "time-travel-start-start20-start40"), "delta")), duck.Database);

        var counts = new List<long>();
        for (long v = 0; v <= 2; v++)
        {
            counts.Add(SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync(v))})"));
        }

        Assert.Equal([10L, 20L, 30L], counts);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string Lit(string value) => "'" + value.Replace("'", "''") + "'";
}
