using System.Text;
using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Tests.Tables;

public sealed class ActionJsonTests
{
    [Fact]
    public void Unknown_fields_and_unknown_action_types_are_ignored()
    {
        var add = ActionReader.ParseLine("""{"add":{"path":"a.parquet","partitionValues":{},"size":10,"modificationTime":5,"dataChange":true,"futureField":{"x":1}}}"""u8);
        var unknown = ActionReader.ParseLine("""{"someFutureAction":{"x":1}}"""u8);

        Assert.Equal(new AddFile("a.parquet", new Dictionary<string, string?>(), 10, 5, true).Path, Assert.IsType<AddFile>(add).Path);
        Assert.Null(unknown);
    }

    [Fact]
    public void Every_action_survives_a_write_and_read_round_trip()
    {
        DeltaAction[] actions =
        [
            new ProtocolAction(3, 7, ["timestampNtz"], ["timestampNtz", "inCommitTimestamp"]),
            new MetadataAction("id-1", "orders", "all orders", "parquet", new Dictionary<string, string>(), "{\"type\":\"struct\",\"fields\":[]}", ["day"], 123, new Dictionary<string, string> { ["k"] = "v" }),
            new AddFile("day=2024-01-01/part%20x.parquet", new Dictionary<string, string?> { ["day"] = "2024-01-01" }, 100, 200, true, "{\"numRecords\":1}", new Dictionary<string, string?> { ["t"] = "1" }),
            new RemoveFile("old.parquet", 300, true, true, new Dictionary<string, string?> { ["day"] = null }, 50),
            new SetTransaction("app", 7, 400),
            new DomainMetadata("my.domain", "{}", false),
            new AddCdcFile("_change_data/c.parquet", new Dictionary<string, string?>(), 9, false),
        ];

        var text = ActionWriter.ToCommitFile(actions);
        var lines = Encoding.UTF8.GetString(text).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parsed = lines.Select(l => ActionReader.ParseLine(Encoding.UTF8.GetBytes(l))).ToList();

        Assert.Equal(actions.Length, parsed.Count);
        var protocol = Assert.IsType<ProtocolAction>(parsed[0]);
        Assert.Equal(["timestampNtz", "inCommitTimestamp"], protocol.WriterFeatures!);
        var metadata = Assert.IsType<MetadataAction>(parsed[1]);
        Assert.Equal(("orders", "all orders", "v", 123L), (metadata.Name, metadata.Description, metadata.Configuration["k"], metadata.CreatedTime!.Value));
        var add = Assert.IsType<AddFile>(parsed[2]);
        Assert.Equal(("day=2024-01-01/part%20x.parquet", "2024-01-01", "{\"numRecords\":1}"), (add.Path, add.PartitionValues["day"], add.Stats));
        var remove = Assert.IsType<RemoveFile>(parsed[3]);
        Assert.Null(remove.PartitionValues!["day"]);
        Assert.Equal(300, remove.DeletionTimestamp);
        Assert.Equal(7, Assert.IsType<SetTransaction>(parsed[4]).Version);
        Assert.Equal("my.domain", Assert.IsType<DomainMetadata>(parsed[5]).Domain);
        Assert.Equal(9, Assert.IsType<AddCdcFile>(parsed[6]).Size);
    }

    [Fact]
    public void Stats_are_written_as_a_json_string_and_partition_values_as_strings()
    {
        var line = ActionWriter.ToLine(new AddFile("p.parquet", new Dictionary<string, string?> { ["n"] = "42" }, 1, 2, true, "{\"numRecords\":3}"));

        Assert.Contains("\"partitionValues\":{\"n\":\"42\"}", line);
        Assert.Contains("\"stats\":\"{\\\"numRecords\\\":3}\"", line);
    }

    [Fact]
    public void Commit_info_keeps_every_field_a_writer_stored()
    {
        var info = Assert.IsType<CommitInfo>(ActionReader.ParseLine("""{"commitInfo":{"timestamp":5,"inCommitTimestamp":6,"operation":"WRITE","notebook":{"id":"1"},"operationMetrics":{"numFiles":"2"}}}"""u8));

        Assert.Equal((5L, 6L, "WRITE", "2"), (info.Timestamp!.Value, info.InCommitTimestamp!.Value, info.Operation!, info.OperationMetrics["numFiles"]));
        Assert.Contains("notebook", ActionWriter.ToLine(info));
    }

    [Fact]
    public void A_required_field_of_the_wrong_type_is_a_format_error()
    {
        Assert.Throws<ActionFormatException>(() => ActionReader.ParseLine("""{"add":{"path":1,"size":2}}"""u8));
        Assert.Throws<ActionFormatException>(() => ActionReader.ParseLine("""{"add":{"path":"x"""u8));
    }

    [Theory]
    [InlineData("p=a b/part-0.parquet", "p=a%20b/part-0.parquet")]
    [InlineData("p=a%2Fb/f.parquet", "p=a%252Fb/f.parquet")]
    [InlineData("p=ü/f.parquet", "p=%C3%BC/f.parquet")]
    [InlineData("p=x+y=z/f.parquet", "p=x+y=z/f.parquet")]
    public void File_keys_become_uris_and_decode_back(string key, string uri)
    {
        Assert.Equal(uri, FilePaths.ToUri(key));
        Assert.Equal(key, FilePaths.ToKey(uri, "/tables/t"));
    }

    [Fact]
    public void Absolute_file_uris_inside_the_table_resolve_and_others_are_refused()
    {
        Assert.Equal("a/b.parquet", FilePaths.ToKey("file:/tables/t/a/b.parquet", "/tables/t"));
        Assert.Equal("a/b.parquet", FilePaths.ToKey("file:///tables/t/a/b.parquet", "/tables/t"));
        Assert.Throws<NotSupportedException>(() => FilePaths.ToKey("file:/elsewhere/b.parquet", "/tables/t"));
        Assert.Throws<NotSupportedException>(() => FilePaths.ToKey("s3://bucket/b.parquet", "/tables/t"));
    }
}
