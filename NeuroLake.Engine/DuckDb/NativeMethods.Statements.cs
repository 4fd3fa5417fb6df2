using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Prepared statements, parameter binding, statement extraction and pending (streaming) execution.</summary>
internal static unsafe partial class NativeMethods
{
    internal const int PendingResultReady = 0;
    internal const int PendingResultNotReady = 1;
    internal const int PendingError = 2;
    internal const int PendingNoTasksAvailable = 3;

    [LibraryImport(Library, EntryPoint = "duckdb_prepare")]
    internal static partial int Prepare(IntPtr connection, byte* query, out IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_prepare")]
    internal static partial void DestroyPrepare(ref IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_error")]
    internal static partial byte* PrepareError(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_prepared_statement_type")]
    internal static partial int PreparedStatementType(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_nparams")]
    internal static partial ulong ParameterCount(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_clear_bindings")]
    internal static partial int ClearBindings(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_extract_statements")]
    internal static partial ulong ExtractStatements(IntPtr connection, byte* query, out IntPtr extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_extracted_statement")]
    internal static partial int PrepareExtractedStatement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_extract_statements_error")]
    internal static partial byte* ExtractStatementsError(IntPtr extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_extracted")]
    internal static partial void DestroyExtracted(ref IntPtr extracted);

    [LibraryImport(Library, EntryPoint = "duckdb_pending_prepared")]
    internal static partial int PendingPrepared(IntPtr statement, out IntPtr pending);

    [LibraryImport(Library, EntryPoint = "duckdb_pending_prepared_streaming")]
    internal static partial int PendingPreparedStreaming(IntPtr statement, out IntPtr pending);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_pending")]
    internal static partial void DestroyPending(ref IntPtr pending);

    [LibraryImport(Library, EntryPoint = "duckdb_pending_error")]
    internal static partial byte* PendingErrorMessage(IntPtr pending);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_pending")]
    internal static partial int ExecutePending(IntPtr pending, DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_null")]
    internal static partial int BindNull(IntPtr statement, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_boolean")]
    internal static partial int BindBoolean(IntPtr statement, ulong index, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int8")]
    internal static partial int BindInt8(IntPtr statement, ulong index, sbyte value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int16")]
    internal static partial int BindInt16(IntPtr statement, ulong index, short value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int32")]
    internal static partial int BindInt32(IntPtr statement, ulong index, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int64")]
    internal static partial int BindInt64(IntPtr statement, ulong index, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_uint8")]
    internal static partial int BindUInt8(IntPtr statement, ulong index, byte value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_uint16")]
    internal static partial int BindUInt16(IntPtr statement, ulong index, ushort value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_uint32")]
    internal static partial int BindUInt32(IntPtr statement, ulong index, uint value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_uint64")]
    internal static partial int BindUInt64(IntPtr statement, ulong index, ulong value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_hugeint")]
    internal static partial int BindHugeInt(IntPtr statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_uhugeint")]
    internal static partial int BindUHugeInt(IntPtr statement, ulong index, DuckDbUHugeInt value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_decimal")]
    internal static partial int BindDecimal(IntPtr statement, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_float")]
    internal static partial int BindFloat(IntPtr statement, ulong index, float value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_double")]
    internal static partial int BindDouble(IntPtr statement, ulong index, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_date")]
    internal static partial int BindDate(IntPtr statement, ulong index, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_time")]
    internal static partial int BindTime(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_timestamp")]
    internal static partial int BindTimestamp(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_timestamp_tz")]
    internal static partial int BindTimestampTz(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_interval")]
    internal static partial int BindInterval(IntPtr statement, ulong index, DuckDbIntervalStruct value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_varchar_length")]
    internal static partial int BindVarchar(IntPtr statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_blob")]
    internal static partial int BindBlob(IntPtr statement, ulong index, byte* data, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_value")]
    internal static partial int BindValue(IntPtr statement, ulong index, IntPtr value);
}
