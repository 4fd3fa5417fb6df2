namespace NeuroLake.Engine.DuckDb;

/// <summary>Typed appends; each maps to DuckDB's matching <c>duckdb_append_*</c> call and returns the appender for chaining.</summary>
public sealed unsafe partial class DuckDbAppender
{
    /// <summary>Appends by the value's CLR type (the types <see cref="DuckDbPreparedStatement.Bind(int, object?)"/> accepts).</summary>
    public DuckDbAppender Append(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        sbyte v => Append(v),
        short v => Append(v),
        int v => Append(v),
        long v => Append(v),
        byte v => Append(v),
        ushort v => Append(v),
        uint v => Append(v),
        ulong v => Append(v),
        Int128 v => Append(v),
        UInt128 v => Append(v),
        float v => Append(v),
        double v => Append(v),
        decimal v => Append(v),
        string v => Append(v),
        byte[] v => Append(v),
        ReadOnlyMemory<byte> v => Append(v.Span),
        DateOnly v => Append(v),
        DateTime v => Append(v),
        DateTimeOffset v => Append(v),
        TimeOnly v => Append(v),
        Guid v => Append(v),
        DuckDbInterval v => Append(v),
        _ => throw new NotSupportedException(
            $"Values of type {value.GetType()} cannot be appended. Convert it to a supported type " +
            "(bool, integers, float, double, decimal, string, byte[], DateOnly, DateTime, DateTimeOffset, TimeOnly, Guid)."),
    };

    public DuckDbAppender AppendNull() => Check(NativeMethods.AppendNull(Handle));

    /// <summary>Appends the column's DEFAULT value.</summary>
    public DuckDbAppender AppendDefault() => Check(NativeMethods.AppendDefault(Handle));

    public DuckDbAppender Append(bool value) => Check(NativeMethods.AppendBool(Handle, value ? (byte)1 : (byte)0));

    public DuckDbAppender Append(sbyte value) => Check(NativeMethods.AppendInt8(Handle, value));

    public DuckDbAppender Append(short value) => Check(NativeMethods.AppendInt16(Handle, value));

    public DuckDbAppender Append(int value) => Check(NativeMethods.AppendInt32(Handle, value));

    public DuckDbAppender Append(long value) => Check(NativeMethods.AppendInt64(Handle, value));

    public DuckDbAppender Append(byte value) => Check(NativeMethods.AppendUInt8(Handle, value));

    public DuckDbAppender Append(ushort value) => Check(NativeMethods.AppendUInt16(Handle, value));

    public DuckDbAppender Append(uint value) => Check(NativeMethods.AppendUInt32(Handle, value));

    public DuckDbAppender Append(ulong value) => Check(NativeMethods.AppendUInt64(Handle, value));

    public DuckDbAppender Append(Int128 value) => Check(NativeMethods.AppendHugeInt(Handle, new DuckDbHugeInt(value)));

    public DuckDbAppender Append(UInt128 value) => Check(NativeMethods.AppendUHugeInt(Handle, new DuckDbUHugeInt(value)));

    public DuckDbAppender Append(float value) => Check(NativeMethods.AppendFloat(Handle, value));

    public DuckDbAppender Append(double value) => Check(NativeMethods.AppendDouble(Handle, value));

    /// <summary>Appends a DECIMAL(38, s) that DuckDB casts to the column's type.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var native = NativeMethods.CreateDecimal(NativeValues.Decimal(value));
        try
        {
            return Check(NativeMethods.AppendValue(Handle, native));
        }
        finally
        {
            NativeMethods.DestroyValue(ref native);
        }
    }

    /// <summary>Appends a VARCHAR; null appends NULL.</summary>
    public DuckDbAppender Append(string? value) => value is null ? AppendNull() : AppendUtf8(value);

    /// <summary>Appends a BLOB; null appends NULL.</summary>
    public DuckDbAppender Append(byte[]? value) => value is null ? AppendNull() : Append((ReadOnlySpan<byte>)value);

    /// <summary>Appends a BLOB (DuckDB copies the bytes).</summary>
    public DuckDbAppender Append(ReadOnlySpan<byte> value)
    {
        byte empty = 0;
        fixed (byte* bytes = value)
        {
            return Check(NativeMethods.AppendBlob(Handle, bytes == null ? &empty : bytes, (ulong)value.Length));
        }
    }

    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.AppendDate(Handle, NativeValues.Days(value)));

    /// <summary>Appends a TIMESTAMP (the DateTime's Kind is ignored, nothing is converted).</summary>
    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.AppendTimestamp(Handle, NativeValues.Micros(value)));

    /// <summary>Appends a TIMESTAMPTZ: the instant, in UTC.</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        var native = NativeMethods.CreateTimestampTz(NativeValues.Micros(value.UtcDateTime));
        try
        {
            return Check(NativeMethods.AppendValue(Handle, native));
        }
        finally
        {
            NativeMethods.DestroyValue(ref native);
        }
    }

    public DuckDbAppender Append(TimeOnly value) => Check(NativeMethods.AppendTime(Handle, NativeValues.Micros(value)));

    public DuckDbAppender Append(DuckDbInterval value) => Check(NativeMethods.AppendInterval(
        Handle, new DuckDbIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros }));

    public DuckDbAppender Append(Guid value)
    {
        var native = NativeMethods.CreateUuid(NativeValues.UuidNumber(value));
        try
        {
            return Check(NativeMethods.AppendValue(Handle, native));
        }
        finally
        {
            NativeMethods.DestroyValue(ref native);
        }
    }
}
