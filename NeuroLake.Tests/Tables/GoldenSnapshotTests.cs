using NeuroLake.Tests.Infrastructure;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Tests.Tables;

public sealed class GoldenSnapshotTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>
{
    public static TheoryData<string> V1 => new(SharedData.GoldenTables("v1"));

    private DeltaTable Open(string group, string name) =>
        new(new LocalObjectStore(Path.Combine(SharedData.Golden(group, name), "delta")), duck.Database);

    [Theory]
    [MemberData(nameof(V1))]
    public async Task Every_v1_table_opens_at_its_latest_version_with_files_that_exist(string name)
    {
        var table = Open("v1", name);

        var snapshot = await table.GetSnapshotAsync();

        Assert.NotEmpty(snapshot.Schema.Fields);
        // The "checkpoint" golden table lists placeholder file names without data files.
        foreach (var file in name == "checkpoint" ? [] : snapshot.Files)
        {
            var key = Uri.UnescapeDataString(file.Path);
            Assert.True(File.Exists(table.Store.GetLocalPath(key)), $"{name}: {key} is listed but missing");
        }
    }

    [Theory]
    [InlineData("deltalog-invalid-protocol-version", "reader version 99")]
    [InlineData("deltalog-state-reconstruction-from-checkpoint-missing-metadata", "no metadata")]
    [InlineData("deltalog-state-reconstruction-from-checkpoint-missing-protocol", "no protocol")]
    [InlineData("deltalog-state-reconstruction-without-metadata", "no metadata")]
    [InlineData("deltalog-state-reconstruction-without-protocol", "no protocol")]
    [InlineData("no-delta-log-folder", "not a Delta table")]
    [InlineData("versions-not-contiguous", "versions not contiguous")]
    public async Task Must_fail_tables_fail_with_a_clear_error(string name, string expected)
    {
        var table = Open("must-fail", name);

        var e = await Assert.ThrowsAnyAsync<NeuroLake.Engine.Errors.NeuroLakeException>(() => table.GetSnapshotAsync());

        Assert.True(e.Message.Contains(expected, StringComparison.OrdinalIgnoreCase), e.Message);
    }

    [Theory]
    [InlineData("dv-partitioned-with-checkpoint", "deletionVectors")]
    [InlineData("dv-with-columnmapping", "deletionVectors")]
    [InlineData("log-replay-dv-key-cases", "deletionVectors")]
    [InlineData("table-with-columnmapping-mode-id", "columnMapping")]
    [InlineData("table-with-columnmapping-mode-name", "columnMapping")]
    [InlineData("v2-checkpoint-json", "v2Checkpoint")]
    [InlineData("v2-checkpoint-parquet", "v2Checkpoint")]
    public async Task Later_tables_are_refused_naming_the_unsupported_feature(string name, string feature)
    {
        var table = Open("later", name);

        var e = await Assert.ThrowsAsync<UnsupportedTableFeatureException>(() => table.GetSnapshotAsync());

        Assert.Contains(feature, e.Features);
        Assert.Contains(feature, e.Message);
    }
}
