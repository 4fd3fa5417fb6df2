using System.Text.Json.Nodes;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Tests.Tables;

public sealed class TypeMappingTests
{
    [Theory]
    [InlineData("string", "VARCHAR")]
    [InlineData("long", "BIGINT")]
    [InlineData("integer", "INTEGER")]
    [InlineData("short", "SMALLINT")]
    [InlineData("byte", "TINYINT")]
    [InlineData("float", "FLOAT")]
    [InlineData("double", "DOUBLE")]
    [InlineData("boolean", "BOOLEAN")]
    [InlineData("binary", "BLOB")]
    [InlineData("date", "DATE")]
    [InlineData("timestamp", "TIMESTAMP WITH TIME ZONE")]
    [InlineData("timestamp_ntz", "TIMESTAMP")]
    public void Every_primitive_maps_to_duckdb_and_back(string delta, string duck)
    {
        var type = new PrimitiveType(delta);

        Assert.Equal(duck, DuckDbTypes.ToDuckDb(type));
        Assert.Equal(type, DuckDbTypes.FromDuckDb(duck));
    }

    [Fact]
    public void Nested_types_map_both_ways()
    {
        var type = new StructType([
            new StructField("a", new DecimalType(18, 3)),
            new StructField("b c", new ArrayType(new MapType(PrimitiveType.String, new ArrayType(PrimitiveType.Date, true), true), true)),
        ]);

        var duck = DuckDbTypes.ToDuckDb(type);

        Assert.Equal("STRUCT(\"a\" DECIMAL(18,3), \"b c\" MAP(VARCHAR, DATE[])[])", duck);
        Assert.Equal(type, DuckDbTypes.FromDuckDb(duck));
    }

    [Fact]
    public void Duckdb_only_types_widen_to_a_delta_type_that_holds_them()
    {
        Assert.Equal(PrimitiveType.Long, DuckDbTypes.FromDuckDb("UINTEGER"));
        Assert.Equal(new DecimalType(20, 0), DuckDbTypes.FromDuckDb("UBIGINT"));
        Assert.Equal(new DecimalType(38, 0), DuckDbTypes.FromDuckDb("HUGEINT"));
        Assert.Equal(PrimitiveType.String, DuckDbTypes.FromDuckDb("UUID"));
        Assert.Equal(new ArrayType(PrimitiveType.Integer, true), DuckDbTypes.FromDuckDb("INTEGER[3]"));
        var e = Assert.Throws<InvalidTableOperationException>(() => DuckDbTypes.FromDuckDb("INTERVAL"));
        Assert.Contains("Cast the column", e.Message);
    }

    [Fact]
    public void Schema_json_round_trips_with_field_metadata()
    {
        const string json = """{"type":"struct","fields":[{"name":"email","type":"string","nullable":true,"metadata":{"neurolake.semanticType":"email","neurolake.pii":true}},{"name":"m","type":{"type":"map","keyType":"string","valueType":"decimal(10,2)","valueContainsNull":false},"nullable":false,"metadata":{}}]}""";

        var schema = SchemaJson.Parse(json);

        Assert.Equal(json, SchemaJson.Serialize(schema));
        Assert.Equal("email", schema.Fields[0].SemanticType);
        Assert.True(schema.Fields[0].IsPii);
        Assert.Equal(new MapType(PrimitiveType.String, new DecimalType(10, 2), false), schema.Fields[1].Type);
    }

    [Fact]
    public void Field_equality_includes_metadata()
    {
        var plain = new StructField("a", PrimitiveType.String);
        var tagged = new StructField("a", PrimitiveType.String, true, new JsonObject { [StructField.PiiKey] = true });

        Assert.NotEqual(plain, tagged);
        Assert.Equal(tagged, tagged with { Metadata = new JsonObject { [StructField.PiiKey] = true } });
    }
}
