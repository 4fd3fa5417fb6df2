using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables;

public sealed class TableWriteTests(DuckDbFixture duck) : TableTestBase(duck)
{
    private const string AllTypes = """
        SELECT 'text ü' AS s, 9000000000::BIGINT AS l, 7::INTEGER AS i, 3::SMALLINT AS sh, (-2)::TINYINT AS b,
               1.5::FLOAT AS f, 2.25::DOUBLE AS d, 12345.678::DECIMAL(18,3) AS dec, true AS bo, '\x01\x02'::BLOB AS bin,
               DATE '2024-02-29' AS dt, TIMESTAMPTZ '2024-01-02 03:04:05.123456+00' AS ts, TIMESTAMP '2024-01-02 03:04:05.5' AS ntz,
               [1, 2, NULL]::INTEGER[] AS arr, MAP {'k': 1.5} AS m, {'a': 1, 'b': {'c': 'x', 'd': [DATE '2020-01-01']}} AS st
        """;

    [Fact]
    public async Task Every_type_round_trips_through_create_as_select()
    {
        var table = NewTable();

        await table.CreateAsync(new TableDefinition(), AllTypes);
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal(
            ["string", "long", "integer", "short", "byte", "float", "double", "decimal(18,3)", "boolean", "binary", "date", "timestamp", "timestamp_ntz"],
            snapshot.Schema.Fields.Take(13).Select(f => f.Type.ToString()));
        Assert.IsType<ArrayType>(snapshot.Schema.Fields[13].Type);
        Assert.IsType<MapType>(snapshot.Schema.Fields[14].Type);
        Assert.IsType<StructType>(snapshot.Schema.Fields[15].Type);
        Assert.Equal(3, snapshot.Protocol.MinReaderVersion);
        Assert.Contains("timestampNtz", snapshot.Protocol.ReaderFeatures!);
        var differences = Scalar($"SELECT count(*) FROM ((SELECT * FROM ({DeltaTable.ToSql(snapshot)})) EXCEPT ALL ({AllTypes}))");
        Assert.Equal(0, differences);
        Assert.Equal(1, Count(table));
    }

    [Fact]
    public async Task Stats_hold_record_count_min_max_and_null_count_per_primitive_column()
    {
        var table = NewTable();

        await table.CreateAsync(new TableDefinition(), "SELECT i::INTEGER AS id, CASE WHEN i % 2 = 0 THEN NULL ELSE 'v' || i END AS name, {'x': i} AS nested FROM range(1, 11) t(i)");
        var stats = System.Text.Json.Nodes.JsonNode.Parse((await table.GetSnapshotAsync()).Files.Single().Stats!)!;

        Assert.Equal(10, (long)stats["numRecords"]!);
        Assert.Equal(1, (long)stats["minValues"]!["id"]!);
        Assert.Equal(10, (long)stats["maxValues"]!["id"]!);
        Assert.Equal(5, (long)stats["nullCount"]!["name"]!);
        Assert.Equal(10, (long)stats["maxValues"]!["nested"]!["x"]!);
    }

    [Fact]
    public async Task Partition_values_with_special_characters_round_trip_and_paths_are_uris()
    {
        var table = NewTable();
        const string rows = "SELECT * FROM (VALUES (1, 'a/b=c d%e'), (2, 'x:y\"z#?'), (3, NULL), (4, 'ünï cödé'), (5, '')) v(id, p)";

        await table.CreateAsync(new TableDefinition { PartitionColumns = ["p"] }, rows);
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal(["p"], snapshot.PartitionColumns);
        Assert.All(snapshot.Files, f => Assert.DoesNotContain(' ', f.Path));
        Assert.Contains(snapshot.Files, f => f.PartitionValues["p"] == "a/b=c d%e");
        Assert.Contains(snapshot.Files, f => f.PartitionValues["p"] is null);
        // Delta reads an empty partition value as null, so '' comes back as NULL.
        var expected = "SELECT id, NULLIF(p, '') AS p FROM (VALUES (1, 'a/b=c d%e'), (2, 'x:y\"z#?'), (3, NULL), (4, 'ünï cödé'), (5, '')) v(id, p)";
        Assert.Equal(0, Scalar($"SELECT count(*) FROM ((SELECT id, p FROM ({DeltaTable.ToSql(snapshot)})) EXCEPT ALL ({expected}))"));
        Assert.Equal(5, Count(table));
    }

    [Fact]
    public async Task Date_timestamp_integer_and_boolean_partitions_round_trip()
    {
        var table = NewTable();
        const string rows = """
            SELECT * FROM (VALUES
                (1, DATE '2024-02-29', TIMESTAMPTZ '2024-03-01 10:11:12.345678+00', 7, true),
                (2, DATE '1999-12-31', TIMESTAMPTZ '1969-07-20 20:17:00+00', -3, false),
                (3, NULL, NULL, NULL, NULL)) v(id, d, ts, n, b)
            """;

        await table.CreateAsync(new TableDefinition { PartitionColumns = ["d", "ts", "n", "b"] }, rows);
        var snapshot = await table.GetSnapshotAsync();

        Assert.Contains(snapshot.Files, f => f.PartitionValues["ts"] == "2024-03-01T10:11:12.345678Z");
        Assert.Contains(snapshot.Files, f => f.PartitionValues["d"] == "2024-02-29" && f.PartitionValues["n"] == "7" && f.PartitionValues["b"] == "true");
        Assert.Equal(0, Scalar($"SELECT count(*) FROM ((SELECT id, d, ts, n, b FROM ({DeltaTable.ToSql(snapshot)})) EXCEPT ALL ({rows}))"));
        Assert.Equal(3, Count(table));
    }

    [Fact]
    public async Task Append_adds_rows_and_overwrite_replaces_them()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(3)");

        var appended = await table.AppendAsync("SELECT range + 100 AS id FROM range(2)");
        Assert.Equal(1, appended.Version);
        Assert.Equal(5, Count(table));

        var overwritten = await table.OverwriteAsync("SELECT 42 AS id");
        Assert.Equal(2, overwritten.Version);
        Assert.Equal(1, Count(table));
        Assert.Equal("1", overwritten.OperationMetrics["numOutputRows"]);
        Assert.Equal(5, Count(table, 1));
    }

    [Fact]
    public async Task Replace_where_replaces_only_the_partitions_it_selects()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["region"] }, "SELECT * FROM (VALUES ('EU', 1), ('EU', 2), ('US', 3)) v(region, n)");

        await table.OverwriteAsync("SELECT 'EU' AS region, 10 AS n", "region = 'EU'");

        Assert.Equal(2, Count(table));
        Assert.Equal(13, Scalar($"SELECT sum(n) FROM ({DeltaTable.ToSql(await table.GetSnapshotAsync())})"));
    }

    [Fact]
    public async Task Replace_where_refuses_rows_outside_the_predicate_and_predicates_on_data_columns()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition { PartitionColumns = ["region"] }, "SELECT 'EU' AS region, 1 AS n");

        var outside = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.OverwriteAsync("SELECT 'US' AS region, 1 AS n", "region = 'EU'"));
        Assert.Contains("do not satisfy replaceWhere", outside.Message);
        var dataColumn = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.OverwriteAsync("SELECT 'EU' AS region, 1 AS n", "n = 1"));
        Assert.Contains("partition columns", dataColumn.Message);
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Create_refuses_an_existing_table_unless_if_not_exists()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id");

        await Assert.ThrowsAsync<TableAlreadyExistsException>(() => table.CreateAsync(new TableDefinition(), "SELECT 2 AS id"));
        Assert.Null(await table.CreateAsync(new TableDefinition(), "SELECT 2 AS id", ifNotExists: true));
        Assert.Equal(1, Count(table));
    }

    [Fact]
    public async Task Create_with_explicit_schema_properties_and_description_writes_them_to_metadata()
    {
        var table = NewTable();
        var schema = new StructType([new StructField("id", PrimitiveType.Long, false), new StructField("name", PrimitiveType.String)]);

        await table.CreateAsync(new TableDefinition { Schema = schema, Description = "orders", Properties = new Dictionary<string, string> { ["owner"] = "sales" } });
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal(schema, snapshot.Schema);
        Assert.Equal("orders", snapshot.Metadata.Description);
        Assert.Equal("sales", snapshot.Configuration["owner"]);
        Assert.Equal("true", snapshot.Configuration[TableProperties.EnableInCommitTimestamps]);
        Assert.Equal(7, snapshot.Protocol.MinWriterVersion);
        Assert.Empty(snapshot.Files);
        Assert.Equal(0, Count(table));
    }

    [Fact]
    public async Task Appending_a_column_the_table_lacks_fails_with_the_column_name()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS id");

        var e = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.AppendAsync("SELECT 1 AS id, 'x' AS extra"));

        Assert.Contains("'extra'", e.Message);
    }

    [Fact]
    public async Task Field_metadata_for_semantic_type_and_pii_is_kept_across_commits_and_checkpoints()
    {
        var table = NewTable(options: new DeltaTableOptions { CheckpointInterval = 2 });
        var metadata = new System.Text.Json.Nodes.JsonObject { [StructField.SemanticTypeKey] = "email", [StructField.PiiKey] = true };
        var schema = new StructType([new StructField("email", PrimitiveType.String, true, metadata)]);
        await table.CreateAsync(new TableDefinition { Schema = schema });

        await table.AppendAsync("SELECT 'a@b.c' AS email");
        await table.AppendAsync("SELECT 'd@e.f' AS email");
        var reopened = await Reopen(table).GetSnapshotAsync();
        var field = reopened.Schema.Fields[0];

        Assert.Equal(2, reopened.CheckpointVersion);
        Assert.Equal("email", field.SemanticType);
        Assert.True(field.IsPii);
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_only_the_committed_files()
    {
        var table = NewTable(options: new DeltaTableOptions { TargetFileSizeBytes = 1024 * 1024 });
        await table.CreateAsync(new TableDefinition(), "SELECT 1 AS i, 'first' AS s");
        // Incompressible text fills several 1 MB files before the failing row, near the end, is reached.
        const string failing = "SELECT CASE WHEN i = 199990 THEN CAST(error('stop here') AS INTEGER) ELSE CAST(i AS INTEGER) END AS i, " +
                               "md5(CAST(i AS VARCHAR)) || md5(CAST(i * 7 AS VARCHAR)) AS s FROM range(200000) t(i)";

        await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.AppendAsync(failing));

        var onDisk = Directory.EnumerateFiles(table.Store.GetLocalPath("")!, "*.parquet", SearchOption.AllDirectories).ToList();
        Assert.Equal((await table.GetSnapshotAsync()).Files.Select(f => f.Path), onDisk.Select(Path.GetFileName));
        Assert.Equal(1, Count(table));
    }
}
