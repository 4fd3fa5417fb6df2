using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Finds <c>libduckdb.so</c> beside the engine assembly and turns a missing library into an error
/// that says how to get it, instead of the runtime's bare DllNotFoundException.
/// </summary>
internal static class DuckDbNativeLibrary
{
    internal const string FileName = "libduckdb.so";

#pragma warning disable CA2255 // A module initializer is the one place that runs before any P/Invoke of this assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(DuckDbNativeLibrary).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != NativeMethods.Library)
        {
            return IntPtr.Zero;
        }

        var besideAssembly = Path.Combine(AppContext.BaseDirectory, FileName);
        if (NativeLibrary.TryLoad(besideAssembly, out var handle) ||
            NativeLibrary.TryLoad(name, assembly, searchPath, out handle))
        {
            return handle;
        }

        throw new DllNotFoundException(
            $"DuckDB's native library '{FileName}' was not found in {AppContext.BaseDirectory}. " +
            "Building NeuroLake.Engine fetches it from the npm package @duckdb/node-bindings-linux-x64@1.5.6-r.1 " +
            "and copies it beside the assemblies: rebuild with npm on PATH (or copy libduckdb.so there by hand).");
    }
}
