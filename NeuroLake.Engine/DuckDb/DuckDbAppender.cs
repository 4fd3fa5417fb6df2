using System.Runtime.InteropServices;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Bulk-loads rows into a table through DuckDB's appender, much faster than INSERT statements.
/// Append one value per column in order, then <see cref="EndRow"/>; <see cref="Close"/> flushes and reports errors.
/// </summary>
/// <remarks>
/// Thread rules: one thread at a time, like its connection. Rows become visible once flushed (DuckDB flushes
/// periodically, on <see cref="Flush"/> and on <see cref="Close"/>). <see cref="Dispose"/> without Close still
/// flushes but cannot report a failure: call Close to find out.
/// </remarks>
public sealed unsafe partial class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly string _table;
    private byte[] _utf8 = new byte[256];

    private DuckDbAppender(AppenderHandle handle, string table)
    {
        _handle = handle;
        _table = table;
    }

    /// <summary>Columns of the target table; each row takes one value per column.</summary>
    public int ColumnCount => (int)NativeMethods.AppenderColumnCount(Handle);

    private IntPtr Handle => _handle.DangerousGetHandle();

    internal static DuckDbAppender Create(DuckDbConnection connection, string? schema, string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var handle = new AppenderHandle();
        int state;
        IntPtr raw;
        fixed (byte* schemaText = schema is null ? null : Utf8.Encode(schema))
        fixed (byte* tableText = Utf8.Encode(table))
        {
            state = NativeMethods.AppenderCreate(connection.Handle.DangerousGetHandle(), schemaText, tableText, out raw);
        }

        Marshal.InitHandle(handle, raw);
        handle.DependOn(connection.Handle);
        var name = schema is null ? table : schema + "." + table;
        if (state != NativeMethods.DuckDbSuccess)
        {
            var message = raw == IntPtr.Zero ? null : Utf8.Decode(NativeMethods.AppenderError(raw));
            handle.Dispose();
            throw new DuckDbException(message ?? $"DuckDB could not open an appender on {name}.", $"APPENDER {name}");
        }

        return new DuckDbAppender(handle, name);
    }

    /// <summary>Starts a row (optional: appending after <see cref="EndRow"/> starts one implicitly).</summary>
    public DuckDbAppender BeginRow()
    {
        Check(NativeMethods.AppenderBeginRow(Handle));
        return this;
    }

    /// <summary>Finishes the current row; it must have one value per column.</summary>
    public void EndRow() => Check(NativeMethods.AppenderEndRow(Handle));

    /// <summary>Appends a whole row: one value per column (dispatching on each value's CLR type), then ends it.</summary>
    public void AppendRow(params ReadOnlySpan<object?> values)
    {
        foreach (var value in values)
        {
            Append(value);
        }

        EndRow();
    }

    /// <summary>Writes the rows appended so far to the table.</summary>
    public void Flush() => Check(NativeMethods.AppenderFlush(Handle));

    /// <summary>Flushes and closes the appender; throws if DuckDB rejects the rows (e.g. a constraint violation).</summary>
    public void Close() => Check(NativeMethods.AppenderClose(Handle));

    /// <summary>Flushes (errors are not reported: use <see cref="Close"/>) and frees the appender.</summary>
    public void Dispose() => _handle.Dispose();

    private DuckDbAppender Check(int state)
    {
        if (state != NativeMethods.DuckDbSuccess)
        {
            throw new DuckDbException(
                Utf8.Decode(NativeMethods.AppenderError(Handle)) ?? "The appender failed without a message.", $"APPENDER {_table}");
        }

        return this;
    }

    private DuckDbAppender AppendUtf8(string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length) > _utf8.Length ? Encoding.UTF8.GetByteCount(value) : -1;
        if (length > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _utf8);
        fixed (byte* bytes = _utf8)
        {
            return Check(NativeMethods.AppendVarchar(Handle, bytes, (ulong)written));
        }
    }
}
