using System.Buffers;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Typed parameter binding; each overload maps to DuckDB's matching <c>duckdb_bind_*</c> call.</summary>
public sealed unsafe partial class DuckDbPreparedStatement
{
    /// <summary>
    /// Binds by the value's CLR type: null/DBNull, bool, all integer widths, Int128/UInt128, float, double, decimal,
    /// string, byte[], ReadOnlyMemory&lt;byte&gt;, DateOnly, DateTime, DateTimeOffset, TimeOnly, Guid, DuckDbInterval.
    /// </summary>
    /// <exception cref="NotSupportedException">The value's type has no DuckDB mapping.</exception>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null or DBNull: BindNull(index); break;
            case bool v: Bind(index, v); break;
            case sbyte v: Bind(index, v); break;
            case short v: Bind(index, v); break;
            case int v: Bind(index, v); break;
            case long v: Bind(index, v); break;
            case byte v: Bind(index, v); break;
            case ushort v: Bind(index, v); break;
            case uint v: Bind(index, v); break;
            case ulong v: Bind(index, v); break;
            case Int128 v: Bind(index, v); break;
            case UInt128 v: Bind(index, v); break;
            case float v: Bind(index, v); break;
            case double v: Bind(index, v); break;
            case decimal v: Bind(index, v); break;
            case string v: Bind(index, v); break;
            case byte[] v: Bind(index, v); break;
            case ReadOnlyMemory<byte> v: Bind(index, v.Span); break;
            case DateOnly v: Bind(index, v); break;
            case DateTime v: Bind(index, v); break;
            case DateTimeOffset v: Bind(index, v); break;
            case TimeOnly v: Bind(index, v); break;
            case Guid v: Bind(index, v); break;
            case DuckDbInterval v: Bind(index, v); break;
            default:
                throw new NotSupportedException(
                    $"Parameter {index}: values of type {value.GetType()} cannot be bound. Convert it to a supported type " +
                    "(bool, integers, float, double, decimal, string, byte[], DateOnly, DateTime, DateTimeOffset, TimeOnly, Guid).");
        }
    }

    public void BindNull(int index) => Check(NativeMethods.BindNull(Handle, (ulong)index), index);

    public void Bind(int index, bool value) => Check(NativeMethods.BindBoolean(Handle, (ulong)index, value ? (byte)1 : (byte)0), index);

    public void Bind(int index, sbyte value) => Check(NativeMethods.BindInt8(Handle, (ulong)index, value), index);

    public void Bind(int index, short value) => Check(NativeMethods.BindInt16(Handle, (ulong)index, value), index);

    public void Bind(int index, int value) => Check(NativeMethods.BindInt32(Handle, (ulong)index, value), index);

    public void Bind(int index, long value) => Check(NativeMethods.BindInt64(Handle, (ulong)index, value), index);

    public void Bind(int index, byte value) => Check(NativeMethods.BindUInt8(Handle, (ulong)index, value), index);

    public void Bind(int index, ushort value) => Check(NativeMethods.BindUInt16(Handle, (ulong)index, value), index);

    public void Bind(int index, uint value) => Check(NativeMethods.BindUInt32(Handle, (ulong)index, value), index);

    public void Bind(int index, ulong value) => Check(NativeMethods.BindUInt64(Handle, (ulong)index, value), index);

    public void Bind(int index, Int128 value) => Check(NativeMethods.BindHugeInt(Handle, (ulong)index, new DuckDbHugeInt(value)), index);

    public void Bind(int index, UInt128 value) => Check(NativeMethods.BindUHugeInt(Handle, (ulong)index, new DuckDbUHugeInt(value)), index);

    public void Bind(int index, float value) => Check(NativeMethods.BindFloat(Handle, (ulong)index, value), index);

    public void Bind(int index, double value) => Check(NativeMethods.BindDouble(Handle, (ulong)index, value), index);

    /// <summary>Binds a DECIMAL(38, s) where s is the value's own scale; DuckDB casts it to the parameter's type.</summary>
    public void Bind(int index, decimal value) => Check(NativeMethods.BindDecimal(Handle, (ulong)index, NativeValues.Decimal(value)), index);

    /// <summary>Binds a VARCHAR; null binds NULL.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            Encoding.UTF8.GetBytes(value, rented);
            fixed (byte* bytes = rented)
            {
                Check(NativeMethods.BindVarchar(Handle, (ulong)index, bytes, (ulong)length), index);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Binds a BLOB; null binds NULL.</summary>
    public void Bind(int index, byte[]? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        Bind(index, (ReadOnlySpan<byte>)value);
    }

    /// <summary>Binds a BLOB (DuckDB copies the bytes).</summary>
    public void Bind(int index, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
        {
            byte empty = 0;
            Check(NativeMethods.BindBlob(Handle, (ulong)index, bytes == null ? &empty : bytes, (ulong)value.Length), index);
        }
    }

    public void Bind(int index, DateOnly value) => Check(NativeMethods.BindDate(Handle, (ulong)index, NativeValues.Days(value)), index);

    /// <summary>Binds a TIMESTAMP (microseconds; the DateTime's Kind is ignored, nothing is converted).</summary>
    public void Bind(int index, DateTime value) => Check(NativeMethods.BindTimestamp(Handle, (ulong)index, NativeValues.Micros(value)), index);

    /// <summary>Binds a TIMESTAMPTZ: the instant, in UTC.</summary>
    public void Bind(int index, DateTimeOffset value) =>
        Check(NativeMethods.BindTimestampTz(Handle, (ulong)index, NativeValues.Micros(value.UtcDateTime)), index);

    public void Bind(int index, TimeOnly value) => Check(NativeMethods.BindTime(Handle, (ulong)index, NativeValues.Micros(value)), index);

    public void Bind(int index, DuckDbInterval value) => Check(
        NativeMethods.BindInterval(Handle, (ulong)index, new DuckDbIntervalStruct { Months = value.Months, Days = value.Days, Micros = value.Micros }),
        index);

    /// <summary>Binds a UUID.</summary>
    public void Bind(int index, Guid value)
    {
        var uuid = NativeMethods.CreateUuid(NativeValues.UuidNumber(value));
        try
        {
            Check(NativeMethods.BindValue(Handle, (ulong)index, uuid), index);
        }
        finally
        {
            NativeMethods.DestroyValue(ref uuid);
        }
    }
}
