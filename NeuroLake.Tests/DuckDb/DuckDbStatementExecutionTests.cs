using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbStatementExecutionTests
{
    [Fact]
    public void ExecuteReader_runs_all_statements_and_streams_the_last()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader(
            "CREATE TABLE t AS SELECT range AS i FROM range(10); INSERT INTO t VALUES (100); SELECT i FROM t ORDER BY i DESC");
        Assert.True(reader.Read());
        Assert.Equal(100L, reader.GetInt64(0));
        Assert.Equal("i", reader.GetName(0));
        Assert.Equal(1, reader.FieldCount);
    }

    [Fact]
    public void ExecuteNonQuery_returns_rows_changed_summed_over_statements()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TABLE t (i INTEGER)");
        Assert.Equal(5, db.Connection.ExecuteNonQuery("INSERT INTO t SELECT * FROM range(5)"));
        Assert.Equal(3, db.Connection.ExecuteNonQuery("UPDATE t SET i = i + 1 WHERE i < 3"));
        Assert.Equal(2 + 7, db.Connection.ExecuteNonQuery("INSERT INTO t VALUES (9), (10); DELETE FROM t WHERE i > 0"));
        Assert.Equal(0, db.Connection.ExecuteNonQuery("CREATE TABLE u (x INTEGER)"));
    }

    [Fact]
    public void ExecuteScalar_gives_null_for_no_rows_and_for_NULL()
    {
        using var db = new InMemoryDuckDb();
        Assert.Null(db.Scalar("SELECT 1 WHERE false"));
        Assert.Null(db.Scalar("SELECT NULL::INTEGER"));
        Assert.Equal(3L, db.Scalar("SELECT 3::BIGINT, 'ignored'"));
    }

    [Fact]
    public void Reader_getters_convert_and_name_the_column_on_a_bad_cast()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT 5::TINYINT AS small, 'text' AS word, NULL::INTEGER AS nothing, 2.5::DECIMAL(9,2) AS money");
        Assert.True(reader.Read());
        Assert.Equal(5L, reader.GetInt64(0));
        Assert.Equal(5, reader.GetInt32(0));
        Assert.Equal(5.0, reader.GetDouble(0));
        Assert.Equal(2.5, reader.GetDouble(3));
        Assert.Equal(2.5m, reader.GetFieldValue<decimal>(3));
        Assert.Null(reader.GetFieldValue<int?>(2));
        Assert.Null(reader.GetFieldValue<string>(2));
        Assert.Equal(5L, reader.GetFieldValue<long>(0));
        var cast = Assert.Throws<InvalidCastException>(() => reader.GetInt64(1));
        Assert.Contains("'word'", cast.Message);
        var isNull = Assert.Throws<InvalidCastException>(() => reader.GetInt32(2));
        Assert.Contains("'nothing'", isNull.Message);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Reading_before_Read_throws_a_clear_error()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT 1");
        Assert.Throws<InvalidOperationException>(() => reader.GetValue(0));
    }
}
