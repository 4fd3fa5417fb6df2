using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbErrorTests
{
    [Fact]
    public void A_query_error_carries_DuckDBs_message_and_the_statement()
    {
        using var db = new InMemoryDuckDb();
        const string sql = "SELECT * FROM no_such_table";
        var error = Assert.Throws<DuckDbException>(() => db.Connection.ExecuteReader(sql));
        Assert.Contains("no_such_table", error.DuckDbMessage);
        Assert.Contains("Catalog Error", error.DuckDbMessage);
        Assert.Equal(sql, error.Statement);
        Assert.Contains(sql, error.Message);
    }

    [Fact]
    public void A_syntax_error_in_prepare_carries_DuckDBs_message()
    {
        using var db = new InMemoryDuckDb();
        var error = Assert.Throws<DuckDbException>(() => db.Connection.Prepare("SELEC 1"));
        Assert.Contains("syntax error", error.DuckDbMessage);
        Assert.Equal("SELEC 1", error.Statement);
    }

    [Fact]
    public void An_error_raised_while_streaming_surfaces_from_Read()
    {
        using var db = new InMemoryDuckDb();
        const string sql = "SELECT CASE WHEN i < 100000 THEN i ELSE error('boom at ' || i) END FROM range(200000) t(i)";
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = db.Connection.ExecuteReader(sql);
            while (reader.Read())
            {
            }
        });
        Assert.Contains("boom at", error.DuckDbMessage);
        Assert.Equal(sql, error.Statement);
    }

    [Fact]
    public void Execute_errors_carry_the_statement()
    {
        using var db = new InMemoryDuckDb();
        var error = Assert.Throws<DuckDbException>(() => db.Connection.Execute("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES ('x')"));
        Assert.Contains("Conversion Error", error.DuckDbMessage);
        Assert.Contains("INSERT INTO t", error.Statement);
    }

    [Fact]
    public void The_connection_stays_usable_after_an_error()
    {
        using var db = new InMemoryDuckDb();
        Assert.Throws<DuckDbException>(() => db.Scalar("SELECT error('x')"));
        Assert.Equal(2, db.Scalar("SELECT 2"));
    }
}
