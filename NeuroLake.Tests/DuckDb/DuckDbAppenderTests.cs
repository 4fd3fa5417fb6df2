using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbAppenderTests
{
    [Fact]
    public void Appender_bulk_loads_a_million_rows_of_mixed_types()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("""
            CREATE TABLE facts (id BIGINT, small SMALLINT, flag BOOLEAN, ratio DOUBLE, name VARCHAR,
                                day DATE, ts TIMESTAMP, amount DECIMAL(18,2), note VARCHAR)
            """);
        const int rows = 1_000_000;
        var start = new DateTime(2024, 1, 1);
        var names = Enumerable.Range(0, 100).Select(n => "name-" + n).ToArray();
        using (var appender = db.Connection.CreateAppender(null, "facts"))
        {
            Assert.Equal(9, appender.ColumnCount);
            for (var i = 0; i < rows; i++)
            {
                appender.Append((long)i).Append((short)(i % 1000)).Append(i % 2 == 0).Append(i * 0.5)
                    .Append(names[i % 100]).Append(DateOnly.FromDateTime(start).AddDays(i % 365))
                    .Append(start.AddSeconds(i)).Append(i % 10_000 / 100m);
                if (i % 10 == 0)
                {
                    appender.AppendNull();
                }
                else
                {
                    appender.Append("note");
                }

                appender.EndRow();
            }

            appender.Close();
        }

        using var reader = db.Connection.ExecuteReader("""
            SELECT count(*), sum(id)::BIGINT, sum(small)::BIGINT, count(*) FILTER (WHERE flag), sum(ratio),
                   count(DISTINCT name), min(day), max(ts), sum(amount), count(note)
            FROM facts
            """);
        Assert.True(reader.Read());
        Assert.Equal(rows, reader.GetInt64(0));
        Assert.Equal((long)rows * (rows - 1) / 2, reader.GetInt64(1));
        Assert.Equal(1000L * (999 * 1000 / 2), reader.GetInt64(2));
        Assert.Equal(rows / 2, reader.GetInt64(3));
        Assert.Equal((double)rows * (rows - 1) / 4, reader.GetDouble(4));
        Assert.Equal(100, reader.GetInt64(5));
        Assert.Equal(new DateOnly(2024, 1, 1), reader.GetValue(6));
        Assert.Equal(start.AddSeconds(rows - 1), reader.GetDateTime(7));
        Assert.Equal(100 * Enumerable.Range(0, 10_000).Sum(i => i / 100m), reader.GetDecimal(8));
        Assert.Equal(rows - rows / 10, reader.GetInt64(9));
    }

    [Fact]
    public void AppendRow_dispatches_on_CLR_types_including_uuid_and_timestamptz()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("SET TimeZone = 'UTC'; CREATE TABLE t (u UUID, tz TIMESTAMPTZ, t TIME, b BLOB, h HUGEINT, i INTERVAL, d DECIMAL(38,10))");
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero);
        using (var appender = db.Connection.CreateAppender("main", "t"))
        {
            appender.AppendRow(id, at, new TimeOnly(1, 2, 3), new byte[] { 9, 8 }, Int128.MaxValue, new DuckDbInterval(1, 2, 3), -1234567890123456.7890123456m);
            appender.AppendRow(null, null, null, null, null, null, null);
            appender.Close();
        }

        using var reader = db.Connection.ExecuteReader("SELECT * FROM t ORDER BY u NULLS LAST");
        Assert.True(reader.Read());
        Assert.Equal(id, reader.GetValue(0));
        Assert.Equal(at, reader.GetValue(1));
        Assert.Equal(new TimeOnly(1, 2, 3), reader.GetValue(2));
        Assert.Equal(new byte[] { 9, 8 }, reader.GetValue(3));
        Assert.Equal(Int128.MaxValue, reader.GetValue(4));
        Assert.Equal(new DuckDbInterval(1, 2, 3), reader.GetValue(5));
        Assert.Equal(-1234567890123456.7890123456m, reader.GetValue(6));
        Assert.True(reader.Read());
        Assert.True(reader.IsDBNull(0));
    }

    [Fact]
    public void Appender_errors_carry_DuckDBs_message()
    {
        using var db = new InMemoryDuckDb();
        var missing = Assert.Throws<DuckDbException>(() => db.Connection.CreateAppender(null, "nope"));
        Assert.Contains("nope", missing.Message);

        db.Connection.Execute("CREATE TABLE t (a INTEGER, b INTEGER)");
        using var appender = db.Connection.CreateAppender(null, "t");
        appender.Append(1);
        var error = Assert.Throws<DuckDbException>(() => appender.EndRow());
        Assert.Contains("column", error.DuckDbMessage, StringComparison.OrdinalIgnoreCase);
    }
}
