using System.Runtime.CompilerServices;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// One column of the current data chunk: the vector's data and validity pointers plus the column's type.
/// Re-attached to each new chunk (no allocation for flat types); child vectors of nested types are
/// attached lazily. Typed reads go straight to the vector memory; only <see cref="GetValue"/> boxes.
/// </summary>
internal sealed unsafe class ColumnVector
{
    private ColumnVector? _child;
    private bool _childAttached;
    private ColumnVector[]? _fields;
    private bool[]? _fieldAttached;

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

    /// <summary>The element vector of a LIST, ARRAY or MAP.</summary>
    private ColumnVector Child()
    {
        if (!_childAttached)
        {
            _child ??= Type.Id switch
            {
                DuckDbType.Map => new ColumnVector(Name, MapEntryType(Type)),
                _ => new ColumnVector(Name + "[]", Type.ElementType!),
            };
            _child.Attach(Type.Id == DuckDbType.Array
                ? NativeMethods.ArrayVectorGetChild(Vector)
                : NativeMethods.ListVectorGetChild(Vector));
            _childAttached = true;
        }

        return _child!;
    }

    /// <summary>Field <paramref name="index"/> of a STRUCT (or, for a UNION, 0 is the tag and members follow).</summary>
    private ColumnVector Field(int index)
    {
        if (_fields is null)
        {
            var count = Type.Fields.Count + (Type.Id == DuckDbType.Union ? 1 : 0);
            _fields = new ColumnVector[count];
            _fieldAttached = new bool[count];
        }

        if (!_fieldAttached![index])
        {
            _fields[index] ??= Type.Id == DuckDbType.Union
                ? new ColumnVector(index == 0 ? Name + ".tag" : Name + "." + Type.Fields[index - 1].Name, index == 0 ? UnionTagType : Type.Fields[index - 1].Type)
                : new ColumnVector(Name + "." + Type.Fields[index].Name, Type.Fields[index].Type);
            _fields[index].Attach(NativeMethods.StructVectorGetChild(Vector, (ulong)index));
            _fieldAttached[index] = true;
        }

        return _fields[index];
    }

    private static readonly DuckDbLogicalType UnionTagType = DuckDbLogicalType.Simple(DuckDbType.UTinyInt);

    /// <summary>A MAP's child vector is a STRUCT(key, value).</summary>
    private static DuckDbLogicalType MapEntryType(DuckDbLogicalType map) =>
        DuckDbLogicalType.Struct(new DuckDbField("key", map.KeyType!), new DuckDbField("value", map.ValueType!));

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
        return Type.StorageId switch
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
            DuckDbType.Enum => ThrowHelper.InvalidCast<double>(Name, Type),
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
            return DuckDbDecimal.FromMantissa(GetInt64(row), Type.DecimalScale);
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

    private List<object?> GetList(int row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        return ReadElements(Child(), (int)entry.Offset, (int)entry.Length);
    }

    private List<object?> GetArray(int row)
    {
        var size = Type.ArraySize;
        return ReadElements(Child(), row * size, size);
    }

    private static List<object?> ReadElements(ColumnVector child, int offset, int length)
    {
        var list = new List<object?>(length);
        for (var i = offset; i < offset + length; i++)
        {
            list.Add(child.GetValue(i));
        }

        return list;
    }

    private Dictionary<object, object?> GetMap(int row)
    {
        var entry = ((DuckDbListEntry*)Data)[row];
        var entries = Child();
        var keys = entries.Field(0);
        var values = entries.Field(1);
        var map = new Dictionary<object, object?>((int)entry.Length);
        for (var i = (int)entry.Offset; i < (int)(entry.Offset + entry.Length); i++)
        {
            map[keys.GetValue(i)!] = values.GetValue(i);
        }

        return map;
    }

    private Dictionary<string, object?> GetStruct(int row)
    {
        var fields = Type.Fields;
        var value = new Dictionary<string, object?>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            value[fields[i].Name] = Field(i).GetValue(row);
        }

        return value;
    }

    /// <summary>UNION: the value of the member the tag selects.</summary>
    private object? GetUnion(int row)
    {
        var tag = ((byte*)Field(0).Data)[row];
        return Field(tag + 1).GetValue(row);
    }

    /// <summary>BIT: the first byte counts the padding bits at the start of the second byte.</summary>
    private string GetBitString(int row)
    {
        var bytes = GetUtf8(row);
        var padding = bytes[0];
        var bits = new StringBuilder((bytes.Length - 1) * 8 - padding);
        for (var i = padding; i < (bytes.Length - 1) * 8; i++)
        {
            bits.Append((bytes[1 + i / 8] & (0x80 >> (i % 8))) != 0 ? '1' : '0');
        }

        return bits.ToString();
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
