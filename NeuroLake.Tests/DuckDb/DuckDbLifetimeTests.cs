using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbLifetimeTests
{
    [Fact]
    public void Disposing_the_database_while_connections_are_open_is_safe()
    {
        var database = DuckDbDatabase.Open();
        var first = database.Connect();
        var second = database.Connect();
        first.Execute("CREATE TABLE t AS SELECT 1 AS x");

        database.Dispose();

        Assert.Equal(1, first.ExecuteScalar("SELECT x FROM t"));
        first.Dispose();
        Assert.Equal(1, second.ExecuteScalar("SELECT x FROM t"));
        second.Dispose();
        Assert.Throws<ObjectDisposedException>(() => database.Connect());
    }

    [Fact]
    public void A_reader_keeps_reading_after_its_connection_is_disposed()
    {
        using var database = DuckDbDatabase.Open();
        var connection = database.Connect();
        using var reader = connection.ExecuteReader("SELECT range FROM range(10000)");
        connection.Dispose();

        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        Assert.Equal(10000, rows);
    }

    [Fact]
    public void Disposing_twice_and_abandoning_readers_does_not_crash()
    {
        var database = DuckDbDatabase.Open();
        var connection = database.Connect();
        var statement = connection.Prepare("SELECT ?::INTEGER");
        statement.Bind(1, 1);
        _ = statement.ExecuteReader();
        _ = connection.ExecuteReader("SELECT * FROM range(100000)");
        database.Dispose();
        database.Dispose();
        connection.Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        statement.Dispose();
        connection.Dispose();
    }

    [Fact]
    public void A_database_file_reopens_with_its_data()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neurolake-{Guid.NewGuid():N}.duckdb");
        try
        {
            using (var database = DuckDbDatabase.Open(path))
            using (var connection = database.Connect())
            {
                connection.Execute("CREATE TABLE kept AS SELECT 'yes' AS v");
            }

            using (var database = DuckDbDatabase.Open(path))
            using (var connection = database.Connect())
            {
                Assert.Equal("yes", connection.ExecuteScalar("SELECT v FROM kept"));
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }
}
