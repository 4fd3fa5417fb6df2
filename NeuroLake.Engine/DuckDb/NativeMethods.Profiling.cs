namespace NeuroLake.Engine.DuckDb;

internal static unsafe partial class NativeMethods
{
    [System.Runtime.InteropServices.LibraryImport(Library, EntryPoint = "duckdb_get_profiling_info")]
    internal static partial IntPtr GetProfilingInfo(IntPtr connection);

    /// <summary>A metric of the profiling tree's root as a <c>duckdb_value</c> (destroy it), or null when the metric is off.</summary>
    [System.Runtime.InteropServices.LibraryImport(Library, EntryPoint = "duckdb_profiling_info_get_value")]
    internal static partial IntPtr ProfilingInfoGetValue(IntPtr info, byte* key);

    /// <summary>A value's text (free it with <see cref="Free"/>).</summary>
    [System.Runtime.InteropServices.LibraryImport(Library, EntryPoint = "duckdb_get_varchar")]
    internal static partial byte* GetVarchar(IntPtr value);
}
