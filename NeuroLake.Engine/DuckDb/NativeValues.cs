using System.Runtime.CompilerServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Decodes DuckDB's in-vector representations (days, micros since the epoch, uuid as a flipped hugeint, ...)
/// into CLR values, and encodes CLR values back for binding and appending.
/// </summary>
internal static class NativeValues
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;
    private const long TicksPerMicro = 10;
    private const int MaxTimeZoneOffsetSeconds = 16 * 60 * 60 - 1;

    // DuckDB's infinity markers: the largest value and its negation.
    private const int DateInfinity = int.MaxValue;
    private const long TimestampInfinity = long.MaxValue;

    private static readonly long MinMicros = (DateTime.MinValue.Ticks - UnixEpochTicks) / TicksPerMicro;
    private static readonly long MaxMicros = (DateTime.MaxValue.Ticks - UnixEpochTicks) / TicksPerMicro;

    /// <summary>DATE: days since 1970-01-01; ±infinity map to <see cref="DateOnly.MaxValue"/>/<see cref="DateOnly.MinValue"/>.</summary>
    public static DateOnly Date(int days, string column)
    {
        if (days == DateInfinity)
        {
            return DateOnly.MaxValue;
        }

        if (days == -DateInfinity)
        {
            return DateOnly.MinValue;
        }

        var dayNumber = (long)days + UnixEpochDayNumber;
        if (dayNumber < 0 || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            ThrowOutOfRange(column, "DATE");
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    public static int Days(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    /// <summary>TIMESTAMP in microseconds; ±infinity map to <see cref="DateTime.MaxValue"/>/<see cref="DateTime.MinValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DateTime TimestampMicros(long micros, string column)
    {
        if (micros < MinMicros || micros > MaxMicros)
        {
            return OutOfRangeTimestamp(micros, column);
        }

        return new DateTime(UnixEpochTicks + micros * TicksPerMicro, DateTimeKind.Unspecified);
    }

    public static DateTime Timestamp(DuckDbType type, long raw, string column) => type switch
    {
        DuckDbType.TimestampS => IsInfinity(raw)
            ? TimestampMicros(raw, column)
            : TimestampMicros(ScaleChecked(raw, 1_000_000, column), column),
        DuckDbType.TimestampMs => IsInfinity(raw)
            ? TimestampMicros(raw, column)
            : TimestampMicros(ScaleChecked(raw, 1_000, column), column),
        // Nanoseconds: DateTime ticks are 100 ns, so the last two digits are truncated.
        DuckDbType.TimestampNs => IsInfinity(raw)
            ? TimestampMicros(raw, column)
            : new DateTime(UnixEpochTicks + raw / 100, DateTimeKind.Unspecified),
        _ => TimestampMicros(raw, column),
    };

    private static bool IsInfinity(long raw) => raw == TimestampInfinity || raw == -TimestampInfinity;

    public static long Micros(DateTime value) => (value.Ticks - UnixEpochTicks) / TicksPerMicro;

    public static DateTimeOffset TimestampTz(long micros, string column)
    {
        var utc = TimestampMicros(micros, column);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    public static TimeOnly Time(long micros) => new(micros * TicksPerMicro);

    public static TimeOnly TimeNs(long nanos) => new(nanos / 100);

    public static long Micros(TimeOnly value) => value.Ticks / TicksPerMicro;

    /// <summary>TIME WITH TIME ZONE: micros in the upper 40 bits, (max offset - offset seconds) in the lower 24.</summary>
    public static DuckDbTimeTz TimeTz(ulong bits)
    {
        var micros = (long)(bits >> 24);
        var offsetSeconds = MaxTimeZoneOffsetSeconds - (int)(bits & 0xFFFFFF);
        return new DuckDbTimeTz(Time(micros), TimeSpan.FromSeconds(offsetSeconds));
    }

    /// <summary>UUID: stored as a hugeint of the big-endian bytes with the top bit flipped (so it sorts).</summary>
    public static Guid Uuid(DuckDbHugeInt value)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ 0x8000_0000_0000_0000UL);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The UUID as the unsigned big-endian number <c>duckdb_create_uuid</c> takes.</summary>
    public static DuckDbUHugeInt UuidNumber(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDbUHugeInt
        {
            Upper = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Lower = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    /// <summary>A <see cref="decimal"/> as DuckDB's DECIMAL(38, scale) struct.</summary>
    public static DuckDbDecimalStruct Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var unscaled = bits[3] < 0 ? -magnitude : magnitude;
        return new DuckDbDecimalStruct { Width = 38, Scale = scale, Value = new DuckDbHugeInt(unscaled) };
    }

    private static long ScaleChecked(long raw, long factor, string column)
    {
        if (raw > long.MaxValue / factor || raw < long.MinValue / factor)
        {
            ThrowOutOfRange(column, "TIMESTAMP");
        }

        return raw * factor;
    }

    private static DateTime OutOfRangeTimestamp(long micros, string column)
    {
        if (micros == TimestampInfinity)
        {
            return DateTime.MaxValue;
        }

        if (micros == -TimestampInfinity)
        {
            return DateTime.MinValue;
        }

        ThrowOutOfRange(column, "TIMESTAMP");
        return default;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string column, string type) =>
        throw new OverflowException(
            $"Column '{column}' holds a {type} outside .NET's range (years 1 to 9999). CAST it to VARCHAR in SQL to read it.");
}
