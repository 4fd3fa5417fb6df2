using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Sandbox;

/// <summary>
/// The parser check remembers passed statements literal-blind: statements that differ only in plain values share a
/// check, and anything whose change could make DuckDB split or read the text differently never does.
/// </summary>
public sealed class LiteralBlindTextTests
{
    [Theory]
    [InlineData("SELECT id FROM s.t WHERE id = 17", "SELECT id FROM s.t WHERE id = 923")]
    [InlineData("SELECT id FROM s.t WHERE price > 1.5 AND name = 'Ann'", "SELECT id FROM s.t WHERE price > 20.25 AND name = 'Bob Smith'")]
    [InlineData("SELECT * FROM s.t WHERE id IN (1,2,3)", "SELECT * FROM s.t WHERE id IN (4,5,6)")]
    [InlineData("SELECT 'a;b' AS x", "SELECT '--x' AS x")]
    public void Statements_that_differ_only_in_plain_values_share_one_check(string first, string second)
    {
        Assert.Equal(Key(first), Key(second));
    }

    [Theory]
    // Escape strings, blobs, bit strings: the prefix changes what the quotes hold.
    [InlineData("SELECT E'a' AS x", "SELECT E'\\'' AS x")]
    [InlineData("SELECT x'1F' AS x", "SELECT x'2F' AS x")]
    // A quote or backslash inside, a doubled quote: the token's end depends on the content.
    [InlineData("SELECT 'ab' AS x", "SELECT 'a''b' AS x")]
    [InlineData("SELECT 'ab' AS x", "SELECT 'a\\b' AS x")]
    // Numbers that are more than digits: hex, exponents, underscores, two points, leading or trailing points.
    [InlineData("SELECT 10 AS x", "SELECT 0x10 AS x")]
    [InlineData("SELECT 10 AS x", "SELECT 1e5 AS x")]
    [InlineData("SELECT 10 AS x", "SELECT 1_000 AS x")]
    [InlineData("SELECT 1.5 AS x", "SELECT .5 AS x")]
    // Parameters and names that contain digits.
    [InlineData("SELECT $1 AS x", "SELECT $2 AS x")]
    [InlineData("SELECT c1 FROM s.t", "SELECT c2 FROM s.t")]
    // A minus sign next to a number is left as written (a second one starts a comment).
    [InlineData("SELECT id FROM s.t WHERE id = -1", "SELECT id FROM s.t WHERE id = -2")]
    public void Anything_beyond_a_plain_value_keeps_its_own_check(string first, string second)
    {
        Assert.NotEqual(Key(first), Key(second));
    }

    [Fact]
    public void Only_the_literals_change_and_the_rest_of_the_text_stays_as_written()
    {
        Assert.Equal("SELECT id, '' FROM s.t WHERE id = 0 AND name = '' ORDER BY 0", Key("SELECT id, 'x' FROM s.t WHERE id = 42 AND name = 'Ann' ORDER BY 2"));
    }

    private static string Key(string sql) => LiteralBlindText.Of(Assert.Single(SqlScript.Parse(sql).Statements));
}
