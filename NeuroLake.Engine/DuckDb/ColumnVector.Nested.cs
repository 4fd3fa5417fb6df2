using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Nested types: LIST, ARRAY and MAP read their elements from a child vector, STRUCT and UNION from one
/// child vector per field. Child vectors are attached lazily, once per chunk, the first time a row needs them.
/// </summary>
internal sealed unsafe partial class ColumnVector
{
    private ColumnVector? _child;
    private bool _childAttached;
    private ColumnVector[]? _fields;
    private bool[]? _fieldAttached;

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
}
