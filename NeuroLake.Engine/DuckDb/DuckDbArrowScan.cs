using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Registers an Arrow C Data Interface stream as a view DuckDB scans once, batch by batch.</summary>
public static unsafe class DuckDbArrowScan
{
    /// <summary>
    /// Creates the temporary view <paramref name="view"/> over <paramref name="stream"/> (an <c>ArrowArrayStream*</c>).
    /// DuckDB reads the schema now and the batches when the view is scanned; the caller keeps ownership of the stream
    /// and releases it after the last scan.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB refused the stream (its schema holds a type DuckDB cannot map).</exception>
    public static void Register(DuckDbConnection connection, string view, IntPtr stream)
    {
        var name = Utf8.Encode(view);
        int state;
        fixed (byte* text = name)
        {
            state = NativeMethods.ArrowScan(connection.Handle.DangerousGetHandle(), text, stream);
        }
        if (state != NativeMethods.DuckDbSuccess)
        {
            throw new DuckDbException($"DuckDB could not scan the Arrow stream as '{view}': its schema holds a type DuckDB cannot read.");
        }
    }
}
