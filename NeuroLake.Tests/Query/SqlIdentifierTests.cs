using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Query;

public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("sales")]
    [InlineData("_staging")]
    [InlineData("Orders_2024")]
    public void Names_of_letters_digits_and_underscores_are_valid(string name)
    {
        Assert.Equal(name, SqlIdentifier.Validate(name, "table"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024_orders")]
    [InlineData("my table")]
    [InlineData("a-b")]
    [InlineData("caf\u00e9")]
    [InlineData("x\"; DROP TABLE y; --")]
    public void Other_names_are_refused_with_the_rule_in_the_message(string name)
    {
        var error = Assert.Throws<InvalidIdentifierException>(() => SqlIdentifier.Validate(name, "schema"));

        Assert.Contains($"'{name}' is not a valid schema name", error.Message);
        Assert.Contains("letter or underscore", error.Message);
    }

    [Fact]
    public void Names_longer_than_the_limit_are_refused()
    {
        Assert.False(SqlIdentifier.IsValid(new string('a', SqlIdentifier.MaxLength + 1)));
        Assert.True(SqlIdentifier.IsValid(new string('a', SqlIdentifier.MaxLength)));
    }

    [Fact]
    public void Quoted_names_round_trip_through_duckdb_even_with_quotes_inside()
    {
        using var db = new InMemoryDuckDb();
        const string name = "odd \"name\"; --";

        db.Connection.Execute($"CREATE TABLE {SqlIdentifier.Quote(name)} AS SELECT 42 AS {SqlIdentifier.Quote("select")}");

        Assert.Equal(42, db.Scalar($"SELECT {SqlIdentifier.Quote("select")} FROM {SqlIdentifier.Quote(name)}"));
        Assert.Equal("\"s\".\"t\"", SqlIdentifier.Quote(["s", "t"]));
    }
}
