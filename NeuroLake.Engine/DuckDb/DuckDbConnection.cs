using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe: use it from one thread at a time
/// (open more connections for parallel work).
/// </summary>
public sealed unsafe class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;

    private DuckDbConnection(ConnectionHandle handle, DuckDbDatabase database)
    {
        _handle = handle;
        Database = database;
    }

    public DuckDbDatabase Database { get; }

    internal ConnectionHandle Handle => _handle;

    internal static DuckDbConnection Open(DuckDbDatabase database)
    {
        var handle = new ConnectionHandle();
        var added = false;
        try
        {
            database.Handle.DangerousAddRef(ref added);
            if (NativeMethods.Connect(database.Handle.DangerousGetHandle(), out var raw) != NativeMethods.DuckDbSuccess)
            {
                throw new DuckDbException("DuckDB could not open a connection: the database may be closed.");
            }

            Marshal.InitHandle(handle, raw);
        }
        finally
        {
            if (added)
            {
                database.Handle.DangerousRelease();
            }
        }

        return new DuckDbConnection(handle, database);
    }

    /// <summary>Runs SQL that returns nothing the caller needs (DDL, SET, INSERT ...), one or many statements.</summary>
    public void Execute(string sql)
    {
        var result = default(DuckDbResultStruct);
        try
        {
            fixed (byte* text = Utf8.Encode(sql))
            {
                if (NativeMethods.Query(_handle.DangerousGetHandle(), text, &result) != NativeMethods.DuckDbSuccess)
                {
                    throw new DuckDbException(Utf8.Decode(NativeMethods.ResultError(&result)) ?? "unknown error", sql);
                }
            }
        }
        finally
        {
            NativeMethods.DestroyResult(&result);
        }
    }

    public void Dispose() => _handle.Dispose();
}
