using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbNestedTypeTests
{
    [Fact]
    public void List_of_struct_reads_as_list_of_dictionaries_in_field_order()
    {
        using var db = new InMemoryDuckDb();
        var value = Assert.IsType<List<object?>>(db.Scalar("SELECT [{'b': 1, 'a': 'x'}, NULL, {'b': NULL, 'a': 'y'}]"));
        Assert.Equal(3, value.Count);
        var first = Assert.IsType<Dictionary<string, object?>>(value[0]);
        Assert.Equal(["b", "a"], first.Keys);
        Assert.Equal(1, first["b"]);
        Assert.Equal("x", first["a"]);
        Assert.Null(value[1]);
        var third = Assert.IsType<Dictionary<string, object?>>(value[2]);
        Assert.Null(third["b"]);
        Assert.Equal("y", third["a"]);
    }

    [Fact]
    public void Struct_with_null_fields_keeps_every_field()
    {
        using var db = new InMemoryDuckDb();
        var value = Assert.IsType<Dictionary<string, object?>>(
            db.Scalar("SELECT {'id': 7, 'name': NULL::VARCHAR, 'tags': NULL::VARCHAR[], 'inner': {'x': NULL::DOUBLE}}"));
        Assert.Equal(7, value["id"]);
        Assert.Null(value["name"]);
        Assert.Null(value["tags"]);
        Assert.Equal(new Dictionary<string, object?> { ["x"] = null }, value["inner"]);
    }

    [Fact]
    public void Map_reads_as_dictionary_with_null_values_allowed()
    {
        using var db = new InMemoryDuckDb();
        var value = Assert.IsType<Dictionary<object, object?>>(db.Scalar("SELECT MAP {'a': 1, 'b': NULL, 'c': 3}"));
        Assert.Equal(new Dictionary<object, object?> { ["a"] = 1, ["b"] = null, ["c"] = 3 }, value);
    }

    [Fact]
    public void Array_reads_as_list_and_rows_do_not_bleed_into_each_other()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader(
            "SELECT [i, i + 1, NULL]::INTEGER[3] AS a FROM range(3000) t(i) ORDER BY i");
        var row = 0;
        while (reader.Read())
        {
            var value = Assert.IsType<List<object?>>(reader.GetValue(0));
            Assert.Equal(new object?[] { row, row + 1, null }, value);
            row++;
        }

        Assert.Equal(3000, row);
        Assert.Equal("INTEGER[3]", reader.GetColumnType(0).ToString());
    }

    [Fact]
    public void Lists_across_many_chunks_read_their_own_elements()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT i, range(i % 5) AS l FROM range(5000) t(i) ORDER BY i");
        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            var list = Assert.IsType<List<object?>>(reader.GetValue(1));
            Assert.Equal(Enumerable.Range(0, (int)(i % 5)).Select(x => (object?)(long)x), list);
            rows++;
        }

        Assert.Equal(5000, rows);
    }

    [Fact]
    public void Nested_lists_and_maps_of_lists_read_recursively()
    {
        using var db = new InMemoryDuckDb();
        var nested = Assert.IsType<List<object?>>(db.Scalar("SELECT [[1, 2], [], NULL, [3]]"));
        Assert.Equal(new List<object?> { 1, 2 }, nested[0]);
        Assert.Equal(new List<object?>(), nested[1]);
        Assert.Null(nested[2]);
        var map = Assert.IsType<Dictionary<object, object?>>(db.Scalar("SELECT MAP {1: ['a'], 2: []}"));
        Assert.Equal(new List<object?> { "a" }, map[1]);
    }

    [Fact]
    public void Column_types_describe_details_in_DuckDB_spelling()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TYPE color AS ENUM ('red', 'green')");
        using var reader = db.Connection.ExecuteReader(
            "SELECT 1.5::DECIMAL(18,3), [1]::INTEGER[], {'a': 1, 'b': 'x'}, MAP {'k': 1.0::DOUBLE}, 'red'::color, NULL::TIMESTAMPTZ");
        Assert.Equal("DECIMAL(18,3)", reader.GetColumnType(0).ToString());
        Assert.Equal(18, reader.GetColumnType(0).DecimalWidth);
        Assert.Equal(3, reader.GetColumnType(0).DecimalScale);
        Assert.Equal("INTEGER[]", reader.GetColumnType(1).ToString());
        Assert.Equal("STRUCT(a INTEGER, b VARCHAR)", reader.GetColumnType(2).ToString());
        Assert.Equal(["a", "b"], reader.GetColumnType(2).Fields.Select(f => f.Name));
        Assert.Equal("MAP(VARCHAR, DOUBLE)", reader.GetColumnType(3).ToString());
        Assert.Equal(DuckDbType.Enum, reader.GetColumnType(4).Id);
        Assert.Equal(["red", "green"], reader.GetColumnType(4).EnumValues);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", reader.GetColumnType(5).ToString());
    }
}
