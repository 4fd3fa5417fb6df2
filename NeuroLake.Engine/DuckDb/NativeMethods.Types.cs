using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Logical types (describing result columns) and values (binding/appending types without a direct call).</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_get_type_id")]
    internal static partial DuckDbType GetTypeId(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyLogicalType(ref IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_width")]
    internal static partial byte DecimalWidth(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial DuckDbType DecimalInternalType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_internal_type")]
    internal static partial DuckDbType EnumInternalType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_size")]
    internal static partial uint EnumDictionarySize(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_enum_dictionary_value")]
    internal static partial byte* EnumDictionaryValue(IntPtr type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_list_type_child_type")]
    internal static partial IntPtr ListTypeChildType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_array_type_child_type")]
    internal static partial IntPtr ArrayTypeChildType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_array_type_array_size")]
    internal static partial ulong ArrayTypeArraySize(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_map_type_key_type")]
    internal static partial IntPtr MapTypeKeyType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_map_type_value_type")]
    internal static partial IntPtr MapTypeValueType(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_struct_type_child_count")]
    internal static partial ulong StructTypeChildCount(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_struct_type_child_name")]
    internal static partial byte* StructTypeChildName(IntPtr type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_struct_type_child_type")]
    internal static partial IntPtr StructTypeChildType(IntPtr type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_union_type_member_count")]
    internal static partial ulong UnionTypeMemberCount(IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_union_type_member_name")]
    internal static partial byte* UnionTypeMemberName(IntPtr type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_union_type_member_type")]
    internal static partial IntPtr UnionTypeMemberType(IntPtr type, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_value")]
    internal static partial void DestroyValue(ref IntPtr value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_uuid")]
    internal static partial IntPtr CreateUuid(DuckDbUHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_decimal")]
    internal static partial IntPtr CreateDecimal(DuckDbDecimalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_create_timestamp_tz")]
    internal static partial IntPtr CreateTimestampTz(long micros);
}
