using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Owns a <c>duckdb_database</c>; closing it waits for nothing, so close connections first.</summary>
internal sealed class DatabaseHandle : SafeHandle
{
    public DatabaseHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.Close(ref handle);
        return true;
    }
}

/// <summary>Owns a <c>duckdb_connection</c>.</summary>
internal sealed class ConnectionHandle : SafeHandle
{
    public ConnectionHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.Disconnect(ref handle);
        return true;
    }
}
