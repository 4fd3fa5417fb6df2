using System.Runtime.CompilerServices;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// One column of the current data chunk: the vector's data and validity pointers plus the column's type.
/// Re-attached to each new chunk (no allocation for flat types); child vectors of nested types are
/// attached lazily. Typed reads go straight to the vector memory; only <see cref="GetValue"/> boxes.
/// </summary>
internal sealed unsafe partial class ColumnVector
{
    internal ColumnVector(string name, DuckDbLogicalType type)
    {
        Name = name;
        Type = type;
    }

    internal string Name { get; }

    internal DuckDbLogicalType Type { get; }

    internal IntPtr Vector { get; private set; }

    internal void* Data { get; private set; }

    internal ulong* Validity { get; private set; }

    internal void Attach(IntPtr vector)
    {
        Vector = vector;
        Data = NativeMethods.VectorGetData(vector);
        Validity = NativeMethods.VectorGetValidity(vector);
        _childAttached = false;
        if (_fieldAttached is not null)
        {
            Array.Clear(_fieldAttached);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsValid(int row) => Validity == null || (Validity[row >> 6] & (1UL << (row & 63))) != 0;

    internal object? GetValue(int row)
    {
        if (!IsValid(row))
        {
            return null;
        }

        return Type.Id switch
        {
            DuckDbType.Boolean => ((byte*)Data)[row] != 0,
            DuckDbType.TinyInt => ((sbyte*)Data)[row],
            DuckDbType.SmallInt => ((short*)Data)[row],
            DuckDbType.Integer => ((int*)Data)[row],
            DuckDbType.BigInt => ((long*)Data)[row],
            DuckDbType.UTinyInt => ((byte*)Data)[row],
            DuckDbType.USmallInt => ((ushort*)Data)[row],
            DuckDbType.UInteger => ((uint*)Data)[row],
            DuckDbType.UBigInt => ((ulong*)Data)[row],
            DuckDbType.HugeInt => ((DuckDbHugeInt*)Data)[row].ToInt128(),
            DuckDbType.UHugeInt => ((DuckDbUHugeInt*)Data)[row].ToUInt128(),
            DuckDbType.Float => ((float*)Data)[row],
            DuckDbType.Double => ((double*)Data)[row],
            DuckDbType.Decimal => GetDecimal(row),
            DuckDbType.Varchar => GetString(row),
            DuckDbType.Enum => GetEnumString(row),
            DuckDbType.Blob => GetUtf8(row).ToArray(),
            DuckDbType.Date => NativeValues.Date(((int*)Data)[row], Name),
            DuckDbType.Time => NativeValues.Time(((long*)Data)[row]),
            DuckDbType.TimeNs => NativeValues.TimeNs(((long*)Data)[row]),
            DuckDbType.TimeTz => NativeValues.TimeTz(((ulong*)Data)[row]),
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetDateTime(row),
            DuckDbType.TimestampTz => NativeValues.TimestampTz(((long*)Data)[row], Name),
            DuckDbType.Interval => GetInterval(row),
            DuckDbType.Uuid => NativeValues.Uuid(((DuckDbHugeInt*)Data)[row]),
            DuckDbType.List => GetList(row),
            DuckDbType.Array => GetArray(row),
            DuckDbType.Map => GetMap(row),
            DuckDbType.Struct => GetStruct(row),
            DuckDbType.Union => GetUnion(row),
            DuckDbType.Bit => GetBitString(row),
            _ => ThrowHelper.NotSupported(Name, Type),
        };
    }

    internal bool GetBoolean(int row)
    {
        CheckNotNull(row);
        return Type.Id == DuckDbType.Boolean ? ((byte*)Data)[row] != 0 : ThrowHelper.InvalidCast<bool>(Name, Type);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long GetInt64(int row)
    {
        CheckNotNull(row);
        return Type.Id switch
        {
            DuckDbType.BigInt => ((long*)Data)[row],
            DuckDbType.Integer => ((int*)Data)[row],
            DuckDbType.SmallInt => ((short*)Data)[row],
            DuckDbType.TinyInt => ((sbyte*)Data)[row],
            DuckDbType.UTinyInt => ((byte*)Data)[row],
            DuckDbType.USmallInt => ((ushort*)Data)[row],
            DuckDbType.UInteger => ((uint*)Data)[row],
            DuckDbType.UBigInt => checked((long)((ulong*)Data)[row]),
            DuckDbType.HugeInt => checked((long)((DuckDbHugeInt*)Data)[row].ToInt128()),
            DuckDbType.UHugeInt => checked((long)((DuckDbUHugeInt*)Data)[row].ToUInt128()),
            _ => ThrowHelper.InvalidCast<long>(Name, Type),
        };
    }

    internal double GetDouble(int row)
    {
        CheckNotNull(row);
        return Type.Id switch
        {
            DuckDbType.Double => ((double*)Data)[row],
            DuckDbType.Float => ((float*)Data)[row],
            DuckDbType.Decimal => (double)GetDuckDbDecimal(row).Unscaled / Math.Pow(10, Type.DecimalScale),
            DuckDbType.HugeInt => (double)((DuckDbHugeInt*)Data)[row].ToInt128(),
            DuckDbType.UHugeInt => (double)((DuckDbUHugeInt*)Data)[row].ToUInt128(),
            DuckDbType.UBigInt => ((ulong*)Data)[row],
            _ => GetInt64(row),
        };
    }

    internal decimal GetDecimal(int row)
    {
        CheckNotNull(row);
        if (Type.Id != DuckDbType.Decimal)
        {
            return Type.Id is DuckDbType.Double or DuckDbType.Float ? (decimal)GetDouble(row) : GetInt64(row);
        }

        if (Type.StorageId != DuckDbType.HugeInt)
        {
            long unscaled = Type.StorageId switch
            {
                DuckDbType.SmallInt => ((short*)Data)[row],
                DuckDbType.Integer => ((int*)Data)[row],
                _ => ((long*)Data)[row],
            };
            return DuckDbDecimal.FromMantissa(unscaled, Type.DecimalScale);
        }

        var value = GetDuckDbDecimal(row);
        return value.TryToDecimal(out var result) ? result : ThrowHelper.DecimalOverflow(Name, value);
    }

    internal DuckDbDecimal GetDuckDbDecimal(int row)
    {
        CheckNotNull(row);
        if (Type.Id != DuckDbType.Decimal)
        {
            return ThrowHelper.InvalidCast<DuckDbDecimal>(Name, Type);
        }

        Int128 unscaled = Type.StorageId switch
        {
            DuckDbType.SmallInt => ((short*)Data)[row],
            DuckDbType.Integer => ((int*)Data)[row],
            DuckDbType.BigInt => ((long*)Data)[row],
            _ => ((DuckDbHugeInt*)Data)[row].ToInt128(),
        };
        return new DuckDbDecimal(unscaled, Type.DecimalWidth, Type.DecimalScale);
    }

    /// <summary>The raw bytes of a VARCHAR or BLOB value, pointing into the vector (valid while the chunk is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> GetUtf8(int row)
    {
        var value = (DuckDbStringT*)Data + row;
        var length = value->Length;
        var bytes = length <= DuckDbStringT.InlineLength ? (byte*)value + 4 : value->Pointer;
        return new ReadOnlySpan<byte>(bytes, (int)length);
    }

    /// <summary>The byte length of a VARCHAR or BLOB value without decoding it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int GetByteLength(int row) => (int)((DuckDbStringT*)Data + row)->Length;

    internal string GetString(int row)
    {
        CheckNotNull(row);
        return Type.Id switch
        {
            DuckDbType.Varchar => Encoding.UTF8.GetString(GetUtf8(row)),
            DuckDbType.Enum => GetEnumString(row),
            _ => ThrowHelper.InvalidCast<string>(Name, Type),
        };
    }

    private string GetEnumString(int row)
    {
        var index = Type.StorageId switch
        {
            DuckDbType.UTinyInt => ((byte*)Data)[row],
            DuckDbType.USmallInt => ((ushort*)Data)[row],
            _ => (int)((uint*)Data)[row],
        };
        return Type.EnumValues[index];
    }

    internal DateTime GetDateTime(int row)
    {
        CheckNotNull(row);
        return Type.Id switch
        {
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs
                => NativeValues.Timestamp(Type.Id, ((long*)Data)[row], Name),
            DuckDbType.TimestampTz => NativeValues.TimestampTz(((long*)Data)[row], Name).UtcDateTime,
            DuckDbType.Date => NativeValues.Date(((int*)Data)[row], Name).ToDateTime(TimeOnly.MinValue),
            _ => ThrowHelper.InvalidCast<DateTime>(Name, Type),
        };
    }

    private DuckDbInterval GetInterval(int row)
    {
        var value = ((DuckDbIntervalStruct*)Data)[row];
        return new DuckDbInterval(value.Months, value.Days, value.Micros);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckNotNull(int row)
    {
        if (!IsValid(row))
        {
            ThrowHelper.ValueIsNull(Name);
        }
    }
}
