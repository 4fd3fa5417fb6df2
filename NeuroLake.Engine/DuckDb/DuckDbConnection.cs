using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>; it keeps its database open until it is disposed.
/// </summary>
/// <remarks>
/// Thread rules: a connection runs one statement at a time and is not thread-safe; open one connection per
/// thread of work (connections on one database run in parallel). The exceptions are <see cref="Interrupt"/> and
/// <see cref="QueryProgress"/>, which are meant to be called from another thread while a query runs.
/// At most one reader is open per connection: starting another statement ends an open streaming result.
/// </remarks>
public sealed unsafe class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;
    private DuckDbActivity? _activity;
    private DuckDbConnectionPool? _pool;

    private DuckDbConnection(ConnectionHandle handle, DuckDbDatabase database)
    {
        _handle = handle;
        Database = database;
        _activity = DuckDbActivity.Current;
    }

    public DuckDbDatabase Database { get; }

    internal ConnectionHandle Handle => _handle;

    /// <summary>
    /// Progress of the running query in percent (0..100), or -1 when no query runs or DuckDB cannot estimate it.
    /// Safe to read from any thread.
    /// </summary>
    public double QueryProgress
    {
        get
        {
            var added = false;
            try
            {
                _handle.DangerousAddRef(ref added);
                return NativeMethods.QueryProgress(_handle.DangerousGetHandle()).Percentage;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
            finally
            {
                if (added)
                {
                    _handle.DangerousRelease();
                }
            }
        }
    }

    /// <param name="trackProgress">Turns DuckDB's progress tracking on (while the configuration may still change);
    /// it costs small statements several percent of their CPU, so connections nobody watches leave it off.</param>
    internal static DuckDbConnection Open(DuckDbDatabase database, bool trackProgress = true)
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
            handle.DependOn(database.Handle);
        }
        finally
        {
            if (added)
            {
                database.Handle.DangerousRelease();
            }
        }

        var connection = new DuckDbConnection(handle, database);
        if (trackProgress && !database.IsConfigurationLocked)
        {
            try
            {
                // DuckDB tracks query progress only with its progress bar on; keep it from printing to stdout.
                connection.Execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false");
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        connection._activity?.Opened(connection);
        return connection;
    }

    /// <summary>Runs SQL whose results the caller does not need (DDL, SET, INSERT ...), one or many statements.</summary>
    public void Execute(string sql)
    {
        var result = default(DuckDbResultStruct);
        try
        {
            fixed (byte* text = Utf8.Encode(sql))
            {
                _ran = true;
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

    /// <summary>Runs one or many statements; returns the rows changed by their INSERT/UPDATE/DELETEs (0 for others).</summary>
    public long ExecuteNonQuery(string sql, CancellationToken cancellationToken = default)
    {
        using var reader = ExecuteReader(sql, cancellationToken);
        return reader.RowsChanged;
    }

    /// <summary>The first column of the first row of the (last) statement's result, or null when there is no row or it is NULL.</summary>
    public object? ExecuteScalar(string sql, CancellationToken cancellationToken = default)
    {
        using var reader = ExecuteReader(sql, cancellationToken);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> and streams the result. When the text holds several statements, all but the
    /// last run to completion first (their results are discarded, as with <see cref="Execute"/>) and the last one
    /// is streamed. Cancelling <paramref name="cancellationToken"/> interrupts DuckDB, while executing and while the
    /// reader is open, and surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed a statement; carries its message and the SQL.</exception>
    public DuckDbDataReader ExecuteReader(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        cancellationToken.ThrowIfCancellationRequested();
        _ran = true;
        using var extracted = StatementExecution.Extract(_handle, sql, out var count);
        var registration = RegisterInterrupt(cancellationToken);
        try
        {
            long rowsChanged = 0;
            for (var i = 0; i < count - 1; i++)
            {
                using var statement = StatementExecution.PrepareExtracted(_handle, extracted, i, sql);
                using var result = StatementExecution.Run(_handle, statement, streaming: false, sql, cancellationToken, Database.Nice);
                rowsChanged += StatementExecution.RowsChangedOfMaterialized(result);
            }

            var last = StatementExecution.PrepareExtracted(_handle, extracted, count - 1, sql);
            try
            {
                var result = StatementExecution.Run(_handle, last, streaming: true, sql, cancellationToken, Database.Nice);
                return new DuckDbDataReader(result, sql, cancellationToken, registration, last, rowsChanged);
            }
            catch
            {
                last.Dispose();
                throw;
            }
        }
        catch
        {
            registration.Dispose();
            throw;
        }
    }

    /// <summary>How many statements DuckDB's parser reads in <paramref name="sql"/>; nothing runs.</summary>
    /// <exception cref="DuckDbException">DuckDB cannot parse the text; carries its parser's message.</exception>
    public int CountStatements(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var extracted = StatementExecution.Extract(_handle, sql, out var count);
        return count;
    }

    /// <summary>Prepares one statement for repeated execution with parameters (<c>?</c> or <c>$1</c>).</summary>
    public DuckDbPreparedStatement Prepare(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new DuckDbPreparedStatement(this, StatementExecution.Prepare(_handle, sql), sql);
    }

    /// <summary>Opens an appender that bulk-loads rows into <paramref name="table"/> (schema null: the default schema).</summary>
    public DuckDbAppender CreateAppender(string? schema, string table) => DuckDbAppender.Create(this, schema, table);

    /// <summary>Asks DuckDB to stop the running query; safe from any thread, a no-op when nothing runs.</summary>
    public void Interrupt()
    {
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            NativeMethods.Interrupt(_handle.DangerousGetHandle());
        }
        catch (ObjectDisposedException)
        {
            // Closed connections run nothing.
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    internal CancellationTokenRegistration RegisterInterrupt(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((DuckDbConnection)state!).Interrupt(), this)
            : default;

    // Per statement: SYSTEM_PEAK_BUFFER_MEMORY is a database-wide high-water mark, and TOTAL_BYTES_READ leaves out Parquet data pages.
    private const string MemoryMetric = "TOTAL_MEMORY_ALLOCATED";
    private const string CpuMetric = "CPU_TIME";
    private bool _profiled;

    // Set when a statement runs, so a returned connection never reports the profile of an earlier renter's statement.
    private bool _ran;

    internal void MarkRan() => _ran = true;

    /// <summary>
    /// Turns DuckDB's profiler on for this connection, quietly (no output), measuring the memory its buffer manager
    /// allocates and the CPU time of each statement; a pooled connection reports them to its <see cref="DuckDbActivity"/> when returned.
    /// </summary>
    internal void EnableProfiling()
    {
        Execute("SET enable_profiling = 'no_output'");
        Execute($$"""SET custom_profiling_settings = '{"{{MemoryMetric}}": "true", "{{CpuMetric}}": "true"}'""");
        _profiled = true;
    }

    private TimeSpan? ProfiledSeconds(string metric) =>
        double.TryParse(ProfiledMetric(metric), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private long? ProfiledLong(string metric) =>
        long.TryParse(ProfiledMetric(metric), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// A metric of the last statement this connection ran, from DuckDB's profiler (e.g. <c>CPU_TIME</c>);
    /// null when profiling is off on this connection, the metric is not collected, or nothing ran yet.
    /// </summary>
    public unsafe string? ProfiledMetric(string metric)
    {
        var info = NativeMethods.GetProfilingInfo(_handle.DangerousGetHandle());
        if (info == IntPtr.Zero)
        {
            return null;
        }

        IntPtr value;
        fixed (byte* key = Utf8.Encode(metric))
        {
            value = NativeMethods.ProfilingInfoGetValue(info, key);
        }

        if (value == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var text = NativeMethods.GetVarchar(value);
            try
            {
                return Utf8.Decode(text);
            }
            finally
            {
                NativeMethods.Free(text);
            }
        }
        finally
        {
            NativeMethods.DestroyValue(ref value);
        }
    }

    /// <summary>Sets this connection's time zone to UTC, unless the database already made it every connection's.</summary>
    public void UseUtc()
    {
        if (!Database.IsUtc)
        {
            Execute("SET TimeZone = 'UTC'");
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> only if DuckDB's own parser reads it as exactly one statement of one of
    /// <paramref name="allowed"/> types, and streams its result: what was checked is exactly what runs.
    /// </summary>
    /// <exception cref="DuckDbStatementRefusedException">DuckDB reads another number of statements, or another type.</exception>
    public DuckDbDataReader ExecuteCheckedReader(string sql, IReadOnlySet<DuckDbStatementType> allowed, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = PrepareChecked(sql, allowed);
        var registration = default(CancellationTokenRegistration);
        try
        {
            registration = RegisterInterrupt(cancellationToken);
            _ran = true;
            var result = StatementExecution.Run(_handle, prepared, streaming: true, sql, cancellationToken, Database.Nice);
            return new DuckDbDataReader(result, sql, cancellationToken, registration, prepared, rowsChangedBefore: 0);
        }
        catch
        {
            registration.Dispose();
            prepared.Dispose();
            throw;
        }
    }

    /// <summary>Throws unless DuckDB's parser reads <paramref name="sql"/> as one statement of an allowed type; nothing runs.</summary>
    /// <exception cref="DuckDbStatementRefusedException"/>
    public void EnsureStatement(string sql, IReadOnlySet<DuckDbStatementType> allowed) => PrepareChecked(sql, allowed).Dispose();

    private PreparedStatementHandle PrepareChecked(string sql, IReadOnlySet<DuckDbStatementType> allowed)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(allowed);
        using var extracted = StatementExecution.Extract(_handle, sql, out var count);
        if (count != 1)
        {
            // Preparing a later statement before running the earlier ones can crash DuckDB (a dynamic PIVOT's enum type).
            throw new DuckDbStatementRefusedException($"DuckDB reads {count} statements in this text where one was expected.", sql);
        }

        var prepared = StatementExecution.PrepareExtracted(_handle, extracted, 0, sql);
        var type = (DuckDbStatementType)NativeMethods.PreparedStatementType(prepared.DangerousGetHandle());
        if (!allowed.Contains(type))
        {
            prepared.Dispose();
            throw new DuckDbStatementRefusedException($"DuckDB reads this text as a {type} statement, which is not allowed here.", sql);
        }

        return prepared;
    }

    /// <summary>Hands a pooled connection to the current activity until it is returned.</summary>
    internal void Rented(DuckDbConnectionPool pool)
    {
        _pool = pool;
        _activity = DuckDbActivity.Current;
        _activity?.Opened(this);
    }

    /// <summary>
    /// Closes the connection once open readers, statements and appenders on it are disposed too; a pooled one goes
    /// back to its pool instead.
    /// </summary>
    public void Dispose()
    {
        if (_profiled && _ran && _activity is { } activity)
        {
            activity.Profiled(ProfiledLong(MemoryMetric), ProfiledSeconds(CpuMetric));
        }

        _ran = false;

        _activity?.Closed(this);
        _activity = null;
        if (_pool is { } pool)
        {
            _pool = null;
            pool.Return(this);
            return;
        }

        _handle.Dispose();
    }

    /// <summary>Closes a pooled connection for good.</summary>
    internal void Close() => _handle.Dispose();
}
