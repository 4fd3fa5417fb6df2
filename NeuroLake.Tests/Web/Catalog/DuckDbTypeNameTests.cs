using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class DuckDbTypeNameTests
{
    [Theory]
    [InlineData("string", "VARCHAR")]
    [InlineData("long", "BIGINT")]
    [InlineData("integer", "INTEGER")]
    [InlineData("double", "DOUBLE")]
    [InlineData("boolean", "BOOLEAN")]
    [InlineData("timestamp", "TIMESTAMP WITH TIME ZONE")]
    [InlineData("timestamp_ntz", "TIMESTAMP")]
    [InlineData("decimal(10,2)", "DECIMAL(10,2)")]
    [InlineData("array<integer>", "INTEGER[]")]
    [InlineData("map<string,double>", "MAP(VARCHAR, DOUBLE)")]
    [InlineData("struct<a:long,b:array<string>>", "STRUCT(\"a\" BIGINT, \"b\" VARCHAR[])")]
    public void Delta_type_names_read_as_duckdb_names(string delta, string duckDb) => Assert.Equal(duckDb, DuckDbTypeName.Of(delta));

    [Theory]
    [InlineData("VARCHAR")]
    [InlineData("DECIMAL(18,3)")]
    [InlineData("variant")]
    [InlineData("struct<a b:long>")]
    [InlineData("")]
    public void Text_that_is_not_a_delta_type_is_shown_as_it_is(string text) => Assert.Equal(text, DuckDbTypeName.Of(text));
}
