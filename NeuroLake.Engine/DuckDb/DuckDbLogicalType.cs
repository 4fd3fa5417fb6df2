using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>A named member of a STRUCT or UNION type.</summary>
public sealed record DuckDbField(string Name, DuckDbLogicalType Type);

/// <summary>
/// The full type of a result column: its <see cref="DuckDbType"/> id plus the details that id needs
/// (decimal width and scale, element type, struct fields, enum values, array size).
/// An immutable managed copy: safe to keep and share across threads.
/// </summary>
public sealed class DuckDbLogicalType
{
    private static readonly IReadOnlyList<DuckDbField> NoFields = [];
    private static readonly IReadOnlyList<string> NoValues = [];

    private DuckDbLogicalType(DuckDbType id) => Id = id;

    /// <summary>The type id.</summary>
    public DuckDbType Id { get; }

    /// <summary>DECIMAL: total digits (1..38); 0 for other types.</summary>
    public byte DecimalWidth { get; private init; }

    /// <summary>DECIMAL: digits after the point; 0 for other types.</summary>
    public byte DecimalScale { get; private init; }

    /// <summary>LIST and ARRAY: the element type; null for other types.</summary>
    public DuckDbLogicalType? ElementType { get; private init; }

    /// <summary>ARRAY: the fixed number of elements; 0 for other types.</summary>
    public int ArraySize { get; private init; }

    /// <summary>MAP: the key type; null for other types.</summary>
    public DuckDbLogicalType? KeyType { get; private init; }

    /// <summary>MAP: the value type; null for other types.</summary>
    public DuckDbLogicalType? ValueType { get; private init; }

    /// <summary>STRUCT fields or UNION members in declaration order; empty for other types.</summary>
    public IReadOnlyList<DuckDbField> Fields { get; private init; } = NoFields;

    /// <summary>ENUM: the values in dictionary order; empty for other types.</summary>
    public IReadOnlyList<string> EnumValues { get; private init; } = NoValues;

    /// <summary>How DECIMAL and ENUM values are stored in vectors (an integer type id); <see cref="Id"/> otherwise.</summary>
    internal DuckDbType StorageId { get; private init; }

    /// <summary>Reads a native <c>duckdb_logical_type</c> into a managed copy; the native type is not destroyed.</summary>
    internal static unsafe DuckDbLogicalType FromNative(IntPtr type)
    {
        var id = NativeMethods.GetTypeId(type);
        switch (id)
        {
            case DuckDbType.Decimal:
                return new DuckDbLogicalType(id)
                {
                    DecimalWidth = NativeMethods.DecimalWidth(type),
                    DecimalScale = NativeMethods.DecimalScale(type),
                    StorageId = NativeMethods.DecimalInternalType(type),
                };
            case DuckDbType.Enum:
                var size = NativeMethods.EnumDictionarySize(type);
                var values = new string[size];
                for (var i = 0u; i < size; i++)
                {
                    values[i] = TakeString(NativeMethods.EnumDictionaryValue(type, i));
                }

                return new DuckDbLogicalType(id) { EnumValues = values, StorageId = NativeMethods.EnumInternalType(type) };
            case DuckDbType.List:
                return new DuckDbLogicalType(id) { ElementType = TakeType(NativeMethods.ListTypeChildType(type)), StorageId = id };
            case DuckDbType.Array:
                return new DuckDbLogicalType(id)
                {
                    ElementType = TakeType(NativeMethods.ArrayTypeChildType(type)),
                    ArraySize = checked((int)NativeMethods.ArrayTypeArraySize(type)),
                    StorageId = id,
                };
            case DuckDbType.Map:
                return new DuckDbLogicalType(id)
                {
                    KeyType = TakeType(NativeMethods.MapTypeKeyType(type)),
                    ValueType = TakeType(NativeMethods.MapTypeValueType(type)),
                    StorageId = id,
                };
            case DuckDbType.Struct:
                var fields = new DuckDbField[NativeMethods.StructTypeChildCount(type)];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = new DuckDbField(
                        TakeString(NativeMethods.StructTypeChildName(type, (ulong)i)),
                        TakeType(NativeMethods.StructTypeChildType(type, (ulong)i)));
                }

                return new DuckDbLogicalType(id) { Fields = fields, StorageId = id };
            case DuckDbType.Union:
                var members = new DuckDbField[NativeMethods.UnionTypeMemberCount(type)];
                for (var i = 0; i < members.Length; i++)
                {
                    members[i] = new DuckDbField(
                        TakeString(NativeMethods.UnionTypeMemberName(type, (ulong)i)),
                        TakeType(NativeMethods.UnionTypeMemberType(type, (ulong)i)));
                }

                return new DuckDbLogicalType(id) { Fields = members, StorageId = id };
            default:
                return new DuckDbLogicalType(id) { StorageId = id };
        }
    }

    internal static DuckDbLogicalType Simple(DuckDbType id) => new(id) { StorageId = id };

    internal static DuckDbLogicalType Struct(params DuckDbField[] fields) =>
        new(DuckDbType.Struct) { Fields = fields, StorageId = DuckDbType.Struct };

    /// <summary>Reads and then destroys a native logical type the caller owns.</summary>
    internal static DuckDbLogicalType TakeType(IntPtr type)
    {
        try
        {
            return FromNative(type);
        }
        finally
        {
            NativeMethods.DestroyLogicalType(ref type);
        }
    }

    private static unsafe string TakeString(byte* value)
    {
        try
        {
            return Utf8.Decode(value) ?? "";
        }
        finally
        {
            NativeMethods.Free(value);
        }
    }

    /// <summary>DuckDB's spelling of the type, e.g. <c>DECIMAL(18,3)</c>, <c>INTEGER[]</c>, <c>STRUCT(a INTEGER, b VARCHAR)</c>.</summary>
    public override string ToString() => Id switch
    {
        DuckDbType.Decimal => $"DECIMAL({DecimalWidth},{DecimalScale})",
        DuckDbType.List => $"{ElementType}[]",
        DuckDbType.Array => $"{ElementType}[{ArraySize}]",
        DuckDbType.Map => $"MAP({KeyType}, {ValueType})",
        DuckDbType.Struct => $"STRUCT({FieldList()})",
        DuckDbType.Union => $"UNION({FieldList()})",
        DuckDbType.Enum => $"ENUM({string.Join(", ", EnumValues.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"))})",
        _ => SimpleName(Id),
    };

    private string FieldList()
    {
        var text = new StringBuilder();
        foreach (var field in Fields)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(QuoteIfNeeded(field.Name)).Append(' ').Append(field.Type);
        }

        return text.ToString();
    }

    private static string QuoteIfNeeded(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string SimpleName(DuckDbType id) => id switch
    {
        DuckDbType.Boolean => "BOOLEAN",
        DuckDbType.TinyInt => "TINYINT",
        DuckDbType.SmallInt => "SMALLINT",
        DuckDbType.Integer => "INTEGER",
        DuckDbType.BigInt => "BIGINT",
        DuckDbType.UTinyInt => "UTINYINT",
        DuckDbType.USmallInt => "USMALLINT",
        DuckDbType.UInteger => "UINTEGER",
        DuckDbType.UBigInt => "UBIGINT",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.UHugeInt => "UHUGEINT",
        DuckDbType.Float => "FLOAT",
        DuckDbType.Double => "DOUBLE",
        DuckDbType.Varchar => "VARCHAR",
        DuckDbType.Blob => "BLOB",
        DuckDbType.Date => "DATE",
        DuckDbType.Time => "TIME",
        DuckDbType.TimeNs => "TIME_NS",
        DuckDbType.TimeTz => "TIME WITH TIME ZONE",
        DuckDbType.Timestamp => "TIMESTAMP",
        DuckDbType.TimestampS => "TIMESTAMP_S",
        DuckDbType.TimestampMs => "TIMESTAMP_MS",
        DuckDbType.TimestampNs => "TIMESTAMP_NS",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        DuckDbType.Interval => "INTERVAL",
        DuckDbType.Uuid => "UUID",
        DuckDbType.Bit => "BIT",
        DuckDbType.BigNum => "BIGNUM",
        DuckDbType.SqlNull => "\"NULL\"",
        _ => id.ToString().ToUpperInvariant(),
    };
}
