using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>The appender: DuckDB's bulk-load path.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_appender_create")]
    internal static partial int AppenderCreate(IntPtr connection, byte* schema, byte* table, out IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_error")]
    internal static partial byte* AppenderError(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_count")]
    internal static partial ulong AppenderColumnCount(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_flush")]
    internal static partial int AppenderFlush(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_close")]
    internal static partial int AppenderClose(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_destroy")]
    internal static partial int AppenderDestroy(ref IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_begin_row")]
    internal static partial int AppenderBeginRow(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_end_row")]
    internal static partial int AppenderEndRow(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_default")]
    internal static partial int AppendDefault(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_null")]
    internal static partial int AppendNull(IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_bool")]
    internal static partial int AppendBool(IntPtr appender, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int8")]
    internal static partial int AppendInt8(IntPtr appender, sbyte value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int16")]
    internal static partial int AppendInt16(IntPtr appender, short value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int32")]
    internal static partial int AppendInt32(IntPtr appender, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int64")]
    internal static partial int AppendInt64(IntPtr appender, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_uint8")]
    internal static partial int AppendUInt8(IntPtr appender, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_uint16")]
    internal static partial int AppendUInt16(IntPtr appender, ushort value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_uint32")]
    internal static partial int AppendUInt32(IntPtr appender, uint value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_uint64")]
    internal static partial int AppendUInt64(IntPtr appender, ulong value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_hugeint")]
    internal static partial int AppendHugeInt(IntPtr appender, DuckDbHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_uhugeint")]
    internal static partial int AppendUHugeInt(IntPtr appender, DuckDbUHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_float")]
    internal static partial int AppendFloat(IntPtr appender, float value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_double")]
    internal static partial int AppendDouble(IntPtr appender, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_date")]
    internal static partial int AppendDate(IntPtr appender, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_append_time")]
    internal static partial int AppendTime(IntPtr appender, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_append_timestamp")]
    internal static partial int AppendTimestamp(IntPtr appender, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_append_interval")]
    internal static partial int AppendInterval(IntPtr appender, DuckDbIntervalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_varchar_length")]
    internal static partial int AppendVarchar(IntPtr appender, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_append_blob")]
    internal static partial int AppendBlob(IntPtr appender, byte* data, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_append_value")]
    internal static partial int AppendValue(IntPtr appender, IntPtr value);
}
