using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbScalarTypeRoundTripTests
{
    [Theory]
    [InlineData("true::BOOLEAN", true)]
    [InlineData("(-128)::TINYINT", (sbyte)-128)]
    [InlineData("(-32768)::SMALLINT", (short)-32768)]
    [InlineData("(-2147483648)::INTEGER", int.MinValue)]
    [InlineData("(-9223372036854775808)::BIGINT", long.MinValue)]
    [InlineData("255::UTINYINT", byte.MaxValue)]
    [InlineData("65535::USMALLINT", ushort.MaxValue)]
    [InlineData("4294967295::UINTEGER", uint.MaxValue)]
    [InlineData("18446744073709551615::UBIGINT", ulong.MaxValue)]
    [InlineData("1.5::FLOAT", 1.5f)]
    [InlineData("-2.25::DOUBLE", -2.25)]
    [InlineData("'héllo wörld, a string longer than twelve bytes'", "héllo wörld, a string longer than twelve bytes")]
    [InlineData("'short'", "short")]
    [InlineData("''", "")]
    public void Primitive_values_come_back_as_their_CLR_type(string expression, object expected)
    {
        using var db = new InMemoryDuckDb();
        var value = db.Scalar($"SELECT {expression}");
        Assert.Equal(expected, value);
        Assert.IsType(expected.GetType(), value);
    }

    [Fact]
    public void Hugeint_extremes_round_trip_as_Int128()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(Int128.MaxValue, db.Scalar("SELECT 170141183460469231731687303715884105727::HUGEINT"));
        Assert.Equal(Int128.MinValue + 1, db.Scalar("SELECT (-170141183460469231731687303715884105727)::HUGEINT"));
        Assert.Equal((Int128)(-1), db.Scalar("SELECT (-1)::HUGEINT"));
        Assert.Equal(UInt128.MaxValue, db.Scalar("SELECT 340282366920938463463374607431768211455::UHUGEINT"));
    }

    [Theory]
    [InlineData("DECIMAL(4,1)", "-123.4")]
    [InlineData("DECIMAL(9,3)", "123456.789")]
    [InlineData("DECIMAL(18,3)", "-123456789012345.678")]
    [InlineData("DECIMAL(38,10)", "1234567890123456.7890123456")]
    [InlineData("DECIMAL(38,0)", "-79228162514264337593543950335")]
    public void Decimals_of_every_width_read_as_decimal(string type, string text)
    {
        using var db = new InMemoryDuckDb();
        var value = db.Scalar($"SELECT '{text}'::{type}");
        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Decimal38_beyond_System_Decimal_throws_naming_the_column_and_reads_as_DuckDbDecimal()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT '12345678901234567890123456789012345678'::DECIMAL(38,0) AS big");
        Assert.True(reader.Read());
        var error = Assert.Throws<OverflowException>(() => reader.GetValue(0));
        Assert.Contains("'big'", error.Message);
        var exact = reader.GetFieldValue<DuckDbDecimal>(0);
        Assert.Equal("12345678901234567890123456789012345678", exact.ToString());
    }

    [Fact]
    public void Decimal_with_scale_above_28_is_rounded_to_28_digits()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(0.1234567890123456789012345679m, db.Scalar("SELECT '0.123456789012345678901234567890123'::DECIMAL(38,33)"));
    }

    [Fact]
    public void Date_and_time_types_map_to_DateOnly_TimeOnly_and_DateTime()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(new DateOnly(2024, 2, 29), db.Scalar("SELECT DATE '2024-02-29'"));
        Assert.Equal(new DateOnly(1969, 12, 31), db.Scalar("SELECT DATE '1969-12-31'"));
        Assert.Equal(new TimeOnly(13, 45, 30, 123, 456), db.Scalar("SELECT TIME '13:45:30.123456'"));
        var expected = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified).AddTicks(1234560);
        var timestamp = Assert.IsType<DateTime>(db.Scalar("SELECT TIMESTAMP '2024-05-06 07:08:09.123456'"));
        Assert.Equal(expected, timestamp);
        Assert.Equal(DateTimeKind.Unspecified, timestamp.Kind);
    }

    [Fact]
    public void Timestamps_of_every_precision_read_as_DateTime()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6), db.Scalar("SELECT TIMESTAMP_S '2001-02-03 04:05:06'"));
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6, 789), db.Scalar("SELECT TIMESTAMP_MS '2001-02-03 04:05:06.789'"));
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6).AddTicks(7891234), db.Scalar("SELECT TIMESTAMP_NS '2001-02-03 04:05:06.789123456'"));
        Assert.Equal(new DateTime(1900, 1, 1, 0, 0, 1), db.Scalar("SELECT TIMESTAMP '1900-01-01 00:00:01'"));
    }

    [Fact]
    public void Infinite_dates_and_timestamps_map_to_Min_and_Max_values()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(DateTime.MaxValue, db.Scalar("SELECT 'infinity'::TIMESTAMP"));
        Assert.Equal(DateTime.MinValue, db.Scalar("SELECT '-infinity'::TIMESTAMP"));
        Assert.Equal(DateOnly.MaxValue, db.Scalar("SELECT 'infinity'::DATE"));
        Assert.Equal(DateOnly.MinValue, db.Scalar("SELECT '-infinity'::DATE"));
    }

    [Fact]
    public void Timestamptz_reads_as_DateTimeOffset_in_UTC()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("SET TimeZone = 'UTC'");
        var value = db.Scalar("SELECT TIMESTAMPTZ '2024-01-02 03:04:05+02'");
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)value!).Offset);
    }

    [Fact]
    public void Time_with_time_zone_keeps_its_offset()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(new DuckDbTimeTz(new TimeOnly(12, 34, 56), TimeSpan.FromHours(2)), db.Scalar("SELECT TIMETZ '12:34:56+02:00'"));
        Assert.Equal(new DuckDbTimeTz(new TimeOnly(1, 2, 3), TimeSpan.FromMinutes(-330)), db.Scalar("SELECT TIMETZ '01:02:03-05:30'"));
    }

    [Fact]
    public void Interval_keeps_months_days_and_micros_apart()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(new DuckDbInterval(14, 3, 4_000_005), db.Scalar("SELECT INTERVAL '1 year 2 months 3 days 4.000005 seconds'"));
    }

    [Fact]
    public void Uuid_reads_as_Guid()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"), db.Scalar("SELECT '00112233-4455-6677-8899-aabbccddeeff'::UUID"));
        Assert.Equal(Guid.Parse("ffffffff-0000-0000-0000-000000000001"), db.Scalar("SELECT 'ffffffff-0000-0000-0000-000000000001'::UUID"));
    }

    [Fact]
    public void Enum_reads_as_its_label()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        Assert.Equal("happy", db.Scalar("SELECT 'happy'::mood"));
    }

    [Fact]
    public void Blob_reads_as_bytes()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal(new byte[] { 0, 1, 0xAB, 0xFF }, db.Scalar("SELECT '\\x00\\x01\\xAB\\xFF'::BLOB"));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)'a').ToArray(), db.Scalar("SELECT repeat('a', 40)::BLOB"));
    }

    [Fact]
    public void Bit_reads_as_a_string_of_bits()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal("0101110", db.Scalar("SELECT '0101110'::BIT"));
    }

    [Fact]
    public void Union_reads_as_the_value_of_its_active_member()
    {
        using var db = new InMemoryDuckDb();
        Assert.Equal("text", db.Scalar("SELECT union_value(s := 'text')::UNION(i INTEGER, s VARCHAR)"));
        Assert.Equal(7, db.Scalar("SELECT union_value(i := 7)::UNION(i INTEGER, s VARCHAR)"));
    }

    [Fact]
    public void Null_of_every_type_reads_as_null()
    {
        using var db = new InMemoryDuckDb();
        string[] types =
        [
            "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
            "HUGEINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL(4,1)", "DECIMAL(9,2)", "DECIMAL(18,3)", "DECIMAL(38,4)",
            "VARCHAR", "BLOB", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMPTZ",
            "TIMETZ", "INTERVAL", "UUID", "INTEGER[]", "INTEGER[2]", "STRUCT(a INTEGER)", "MAP(VARCHAR, INTEGER)",
        ];
        using var reader = db.Connection.ExecuteReader("SELECT " + string.Join(", ", types.Select(t => $"NULL::{t}")));
        Assert.True(reader.Read());
        for (var i = 0; i < types.Length; i++)
        {
            Assert.True(reader.IsDBNull(i), types[i]);
            Assert.Null(reader.GetValue(i));
        }
    }

    [Fact]
    public void Unsupported_types_throw_naming_the_type()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT 123456789012345678901234567890123456789012::BIGNUM AS n");
        Assert.True(reader.Read());
        var error = Assert.Throws<NotSupportedException>(() => reader.GetValue(0));
        Assert.Contains("BIGNUM", error.Message);
    }
}
