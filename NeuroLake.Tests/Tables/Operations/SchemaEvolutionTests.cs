using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Operations.Schema;
using NeuroLake.Engine.Tables.Types;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

public sealed class SchemaEvolutionTests(DuckDbFixture duck) : OperationTestBase(duck)
{
    [Fact]
    public async Task Add_columns_appends_nullable_columns_that_old_rows_read_as_null()
    {
        var table = await SampleTableAsync();

        await table.AddColumnsAsync([new StructField("score", PrimitiveType.Double), new StructField("tag", PrimitiveType.String)]);
        await table.AppendAsync("SELECT 1000 AS id, 1 AS grp, 1 AS v, 'x' AS s, 2.5 AS score, 'new' AS tag");

        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(["id", "grp", "v", "s", "score", "tag"], snapshot.Schema.Fields.Select(f => f.Name));
        await AssertRowsAsync(table, $"SELECT *, NULL::DOUBLE AS score, NULL AS tag FROM ({Source}) UNION ALL SELECT 1000, 1, 1, 'x', 2.5, 'new'");
        Assert.Equal("ADD COLUMNS", (await table.GetHistoryAsync(2))[1].Operation);
        await AssertRowsAsync(table, Source, version: 3);
    }

    [Fact]
    public async Task Add_columns_refuses_existing_names_and_not_null_and_changes_nothing()
    {
        var table = await SampleTableAsync();

        var duplicate = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.AddColumnsAsync([new StructField("ID", PrimitiveType.Long)]));
        var notNull = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.AddColumnsAsync([new StructField("n", PrimitiveType.Long, Nullable: false)]));

        Assert.Contains("already has a column", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("NOT NULL", notNull.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await Reopen(table).GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Widening_a_column_enables_type_widening_and_old_files_read_as_the_wider_type()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range::INTEGER AS n, range::FLOAT AS f, (range / 4)::DECIMAL(5,2) AS d FROM range(5)");

        await table.ChangeColumnTypeAsync("n", PrimitiveType.Long);
        await table.ChangeColumnTypeAsync("f", PrimitiveType.Double);
        await table.ChangeColumnTypeAsync("d", new DecimalType(10, 3));
        await table.AppendAsync("SELECT 9000000000 AS n, 0.1::DOUBLE AS f, 1234567.125 AS d");

        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(["long", "double", "decimal(10,3)"], snapshot.Schema.Fields.Select(f => f.Type.ToString()));
        Assert.Contains("typeWidening", snapshot.Protocol.ReaderFeatures!);
        Assert.Contains("delta.typeChanges", snapshot.Metadata.SchemaString, StringComparison.Ordinal);
        await AssertRowsAsync(table, "SELECT range::BIGINT AS n, range::FLOAT::DOUBLE AS f, (range / 4)::DECIMAL(5,2)::DECIMAL(10,3) AS d FROM range(5) UNION ALL SELECT 9000000000, 0.1, 1234567.125");
    }

    [Theory]
    [InlineData("n", "short")]
    [InlineData("n", "string")]
    [InlineData("f", "integer")]
    public async Task Narrowing_or_changing_a_type_is_refused_and_changes_nothing(string column, string type)
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range::INTEGER AS n, range::DOUBLE AS f FROM range(5)");

        var error = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.ChangeColumnTypeAsync(column, new PrimitiveType(type)));

        Assert.Contains("only widening", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Reopen(table).GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Dropping_or_renaming_a_column_is_refused_naming_column_mapping()
    {
        var table = await SampleTableAsync();

        var drop = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.DropColumnAsync("v"));
        var rename = await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.RenameColumnAsync("v", "w"));

        Assert.Contains("column mapping", drop.Message, StringComparison.Ordinal);
        Assert.Contains("column mapping", rename.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Append_with_merge_schema_adds_new_columns_and_widens_types()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range::INTEGER AS id FROM range(3)");

        await table.AppendAsync("SELECT 5000000000::BIGINT AS id, 'hello' AS note", WriteSchemaMode.MergeSchema);

        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(["id:long", "note:string"], snapshot.Schema.Fields.Select(f => $"{f.Name}:{f.Type}"));
        await AssertRowsAsync(table, "SELECT range::BIGINT AS id, NULL AS note FROM range(3) UNION ALL SELECT 5000000000, 'hello'");
        Assert.Equal("true", (await table.GetHistoryAsync(1))[0].Parameters["mergeSchema"]);
    }

    [Fact]
    public async Task Strict_append_with_an_unknown_column_is_refused()
    {
        var table = NewTable();
        await table.CreateAsync(new TableDefinition(), "SELECT range AS id FROM range(3)");

        await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.AppendAsync("SELECT 1 AS id, 'x' AS note", WriteSchemaMode.Strict));

        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Overwrite_with_schema_overwrite_replaces_rows_and_columns()
    {
        var table = await SampleTableAsync();

        await table.OverwriteAsync("SELECT 'a' AS s, 1.5 AS price", WriteSchemaMode.OverwriteSchema);

        Assert.Equal(["s", "price"], (await table.GetSnapshotAsync()).Schema.Fields.Select(f => f.Name));
        await AssertRowsAsync(table, "SELECT 'a' AS s, 1.5 AS price");
        await AssertRowsAsync(table, Source, version: 3);
    }

    [Fact]
    public async Task Comments_semantic_types_and_properties_are_kept_in_metadata()
    {
        var table = await SampleTableAsync();

        await table.SetColumnCommentAsync("s", "display name");
        await table.SetColumnSemanticTypeAsync("s", "person_name");
        await table.SetPropertiesAsync(new Dictionary<string, string?> { ["delta.appendOnly"] = "false", ["owner"] = "team-a" });
        await table.SetPropertiesAsync(new Dictionary<string, string?> { ["owner"] = null });

        var snapshot = await Reopen(table).GetSnapshotAsync();
        var field = snapshot.Schema.Find("s")!;
        Assert.Equal("display name", (string)field.Metadata!["comment"]!);
        Assert.Equal("person_name", field.SemanticType);
        Assert.Equal("false", snapshot.Configuration["delta.appendOnly"]);
        Assert.False(snapshot.Configuration.ContainsKey("owner"));
        Assert.Equal(["UNSET TBLPROPERTIES", "SET TBLPROPERTIES", "CHANGE COLUMN", "CHANGE COLUMN"], (await table.GetHistoryAsync(4)).Select(h => h.Operation));
        await AssertRowsAsync(table, Source);
    }

    [Fact]
    public async Task Invalid_property_values_are_refused()
    {
        var table = await SampleTableAsync();

        await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.SetPropertiesAsync(new Dictionary<string, string?> { ["delta.deletedFileRetentionDuration"] = "soon" }));
        await Assert.ThrowsAsync<InvalidTableOperationException>(() => table.SetPropertiesAsync(new Dictionary<string, string?> { ["delta.columnMapping.mode"] = "name" }));

        Assert.Equal(3, (await table.GetSnapshotAsync()).Version);
    }
}
