using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbParameterBindingTests
{
    public static TheoryData<object, string> Values => new()
    {
        { true, "BOOLEAN" },
        { sbyte.MinValue, "TINYINT" },
        { short.MinValue, "SMALLINT" },
        { int.MinValue, "INTEGER" },
        { long.MinValue, "BIGINT" },
        { byte.MaxValue, "UTINYINT" },
        { ushort.MaxValue, "USMALLINT" },
        { uint.MaxValue, "UINTEGER" },
        { ulong.MaxValue, "UBIGINT" },
        { Int128.MinValue + 1, "HUGEINT" },
        { UInt128.MaxValue, "UHUGEINT" },
        { 1.25f, "FLOAT" },
        { -3.5e300, "DOUBLE" },
        { -1234567.891m, "DECIMAL(18,3)" },
        { "zürich — a string longer than twelve bytes", "VARCHAR" },
        { new byte[] { 0, 255, 7 }, "BLOB" },
        { new DateOnly(1999, 12, 31), "DATE" },
        { new DateTime(2020, 2, 29, 23, 59, 58, 123).AddTicks(4560), "TIMESTAMP" },
        { new DateTimeOffset(2020, 2, 29, 23, 59, 58, TimeSpan.Zero), "TIMESTAMPTZ" },
        { new TimeOnly(23, 59, 59, 999, 999), "TIME" },
        { Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"), "UUID" },
        { new DuckDbInterval(1, 2, 3), "INTERVAL" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_parameter_type_binds_and_reads_back(object value, string sqlType)
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("SET TimeZone = 'UTC'");
        using var statement = db.Connection.Prepare($"SELECT ?::{sqlType}, ? IS NULL");
        Assert.Equal(2, statement.ParameterCount);
        statement.Bind(1, value);
        statement.Bind(2, value);
        using var reader = statement.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(value, reader.GetValue(0));
        Assert.False(reader.GetBoolean(1));
    }

    [Fact]
    public void Typed_overloads_bind_without_boxing_and_null_binds_NULL()
    {
        using var db = new InMemoryDuckDb();
        using var statement = db.Connection.Prepare("SELECT $1::BIGINT + $2::INTEGER, $3::VARCHAR, $4::BLOB");
        statement.Bind(1, 40L);
        statement.Bind(2, 2);
        statement.Bind(3, (string?)null);
        statement.Bind(4, new ReadOnlySpan<byte>([1, 2]));
        using var reader = statement.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(42L, reader.GetInt64(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(new byte[] { 1, 2 }, reader.GetValue(2));
    }

    [Fact]
    public void A_statement_runs_again_with_new_bindings()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TABLE t (id INTEGER, name VARCHAR)");
        using var insert = db.Connection.Prepare("INSERT INTO t VALUES (?, ?)");
        for (var i = 0; i < 10; i++)
        {
            insert.Bind(1, i);
            insert.Bind(2, $"n{i}");
            Assert.Equal(1, insert.ExecuteNonQuery());
        }

        insert.ClearBindings();
        Assert.Equal(45L, db.Scalar("SELECT sum(id)::BIGINT FROM t"));
        Assert.Equal("n9", db.Scalar("SELECT max(name) FROM t"));
    }

    [Fact]
    public void Binding_outside_the_parameter_range_says_how_many_there_are()
    {
        using var db = new InMemoryDuckDb();
        using var statement = db.Connection.Prepare("SELECT ?");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => statement.Bind(2, 1));
        Assert.Contains("1 parameter", error.Message);
    }

    [Fact]
    public void Unsupported_CLR_types_are_rejected_with_the_type_name()
    {
        using var db = new InMemoryDuckDb();
        using var statement = db.Connection.Prepare("SELECT ?");
        var error = Assert.Throws<NotSupportedException>(() => statement.Bind(1, new Uri("http://x")));
        Assert.Contains("System.Uri", error.Message);
    }
}
