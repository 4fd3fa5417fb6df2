using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

internal static unsafe partial class NativeMethods
{
    // Deprecated in duckdb.h but exported; the one C entry point that scans an Arrow C stream without the arrow extension.
    [LibraryImport(Library, EntryPoint = "duckdb_arrow_scan")]
    internal static partial int ArrowScan(IntPtr connection, byte* tableName, IntPtr arrowStream);
}
