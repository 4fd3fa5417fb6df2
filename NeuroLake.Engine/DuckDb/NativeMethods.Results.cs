using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Results, data chunks and vectors: the chunk API the reader streams through.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_column_count")]
    internal static partial ulong ColumnCount(DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_name")]
    internal static partial byte* ColumnName(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_column_logical_type")]
    internal static partial IntPtr ColumnLogicalType(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_rows_changed")]
    internal static partial ulong RowsChanged(DuckDbResultStruct* result);

    [LibraryImport(Library, EntryPoint = "duckdb_fetch_chunk")]
    internal static partial IntPtr FetchChunk(DuckDbResultStruct result);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_data_chunk")]
    internal static partial void DestroyDataChunk(ref IntPtr chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_size")]
    internal static partial ulong DataChunkGetSize(IntPtr chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    internal static partial IntPtr DataChunkGetVector(IntPtr chunk, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    internal static partial void* VectorGetData(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    internal static partial ulong* VectorGetValidity(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_list_vector_get_child")]
    internal static partial IntPtr ListVectorGetChild(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_array_vector_get_child")]
    internal static partial IntPtr ArrayVectorGetChild(IntPtr vector);

    [LibraryImport(Library, EntryPoint = "duckdb_struct_vector_get_child")]
    internal static partial IntPtr StructVectorGetChild(IntPtr vector, ulong index);
}

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_result_statement_type")]
    internal static partial int ResultStatementType(DuckDbResultStruct result);
}
