using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A native handle that keeps the handle it depends on (its parent) alive until it is released itself,
/// so a connection outlives its statements and readers and a database outlives its connections,
/// whatever order the owners are disposed or finalized in.
/// </summary>
internal abstract class DuckDbHandle : SafeHandle
{
    private SafeHandle? _parent;

    protected DuckDbHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Holds a reference on <paramref name="parent"/> until this handle is released.</summary>
    internal void DependOn(SafeHandle parent)
    {
        var added = false;
        parent.DangerousAddRef(ref added);
        _parent = parent;
    }

    protected sealed override bool ReleaseHandle()
    {
        try
        {
            Free();
        }
        finally
        {
            _parent?.DangerousRelease();
            _parent = null;
        }

        return true;
    }

    protected abstract void Free();
}

/// <summary>Owns a <c>duckdb_database</c>; DuckDB closes it once the last connection is gone.</summary>
internal sealed class DatabaseHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.Close(ref handle);
}

/// <summary>Owns a <c>duckdb_connection</c>; depends on its database.</summary>
internal sealed class ConnectionHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.Disconnect(ref handle);
}

/// <summary>Owns a <c>duckdb_prepared_statement</c>; depends on its connection.</summary>
internal sealed class PreparedStatementHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.DestroyPrepare(ref handle);
}

/// <summary>Owns a <c>duckdb_extracted_statements</c>.</summary>
internal sealed class ExtractedStatementsHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.DestroyExtracted(ref handle);
}

/// <summary>Owns a <c>duckdb_pending_result</c>; depends on its prepared statement.</summary>
internal sealed class PendingResultHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.DestroyPending(ref handle);
}

/// <summary>
/// Owns a <c>duckdb_result</c> struct in native memory (the C API hands results out by value);
/// depends on its connection, which a streaming result still reads from.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    internal ResultHandle()
    {
        var result = (DuckDbResultStruct*)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        SetHandle((IntPtr)result);
    }

    internal DuckDbResultStruct* Result => (DuckDbResultStruct*)handle;

    protected override void Free()
    {
        NativeMethods.DestroyResult((DuckDbResultStruct*)handle);
        NativeMemory.Free((void*)handle);
    }
}

/// <summary>Owns a <c>duckdb_data_chunk</c>.</summary>
internal sealed class DataChunkHandle : DuckDbHandle
{
    internal DataChunkHandle(IntPtr chunk) => SetHandle(chunk);

    protected override void Free() => NativeMethods.DestroyDataChunk(ref handle);
}

/// <summary>Owns a <c>duckdb_appender</c>; depends on its connection.</summary>
internal sealed class AppenderHandle : DuckDbHandle
{
    protected override void Free() => NativeMethods.AppenderDestroy(ref handle);
}
