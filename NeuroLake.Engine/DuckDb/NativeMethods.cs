using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// P/Invoke declarations for DuckDB's C API (duckdb.h): database, connection and query execution.
/// Blittable signatures only: strings cross as UTF-8 byte pointers, handles as <see cref="IntPtr"/>.
/// The other areas of the API live in the NativeMethods.*.cs partial files.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    internal const int DuckDbSuccess = 0;

    [LibraryImport(Library, EntryPoint = "duckdb_library_version")]
    internal static partial byte* LibraryVersion();

    [LibraryImport(Library, EntryPoint = "duckdb_create_config")]
    internal static partial int CreateConfig(out IntPtr config);

    [LibraryImport(Library, EntryPoint = "duckdb_set_config")]
    internal static partial int SetConfig(IntPtr config, byte* name, byte* option);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_config")]
    internal static partial void DestroyConfig(ref IntPtr config);

    [LibraryImport(Library, EntryPoint = "duckdb_open_ext")]
    internal static partial int OpenExt(byte* path, out IntPtr database, IntPtr config, out byte* error);

    [LibraryImport(Library, EntryPoint = "duckdb_close")]
    internal static partial void Close(ref IntPtr database);

    [LibraryImport(Library, EntryPoint = "duckdb_connect")]
    internal static partial int Connect(IntPtr database, out IntPtr connection);

    [LibraryImport(Library, EntryPoint = "duckdb_disconnect")]
    internal static partial void Disconnect(ref IntPtr connection);

    [LibraryImport(Library, EntryPoint = "duckdb_interrupt")]
    internal static partial void Interrupt(IntPtr connection);

    [LibraryImport(Library, EntryPoint = "duckdb_query_progress")]
    internal static partial DuckDbQueryProgress QueryProgress(IntPtr connection);

    [LibraryImport(Library, EntryPoint = "duckdb_query")]
    internal static partial int Query(IntPtr connection, byte* sql, DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_error")]
    internal static partial byte* ResultError(DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_result")]
    internal static partial void DestroyResult(DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_free")]
    internal static partial void Free(void* ptr);
}
