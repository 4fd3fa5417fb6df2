namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A forward-only, streaming reader over a query result. DuckDB produces the result one data chunk
/// (up to 2048 rows) at a time as it is read, so a result of any size never sits whole in memory.
/// Read row by row with <see cref="Read"/> and the getters, or chunk by chunk with <see cref="ReadChunk"/>.
/// </summary>
/// <remarks>
/// Thread rules: like its connection, a reader is used from one thread at a time. While it is open, run
/// nothing else on the same connection: DuckDB ends a streaming result when the connection starts another query.
/// The cancellation token given when the query started stays registered until the reader is disposed:
/// cancelling it interrupts DuckDB, and the next <see cref="Read"/>/<see cref="ReadChunk"/> throws
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed unsafe class DuckDbDataReader : IDisposable
{
    private readonly ResultHandle _result;
    private readonly ColumnVector[] _columns;
    private readonly string _sql;
    private readonly CancellationToken _cancellationToken;
    private readonly IDisposable? _ownedStatement;
    private readonly bool _changesRows;
    private readonly long _rowsChangedBefore;
    private CancellationTokenRegistration _registration;
    private DataChunkHandle? _chunk;
    private int _chunkRows;
    private int _row;
    private bool _chunkUnread;
    private bool _sawFirstChunk;
    private bool _done;
    private long _rowsChanged;

    internal DuckDbDataReader(
        ResultHandle result,
        string sql,
        CancellationToken cancellationToken,
        CancellationTokenRegistration registration,
        IDisposable? ownedStatement,
        long rowsChangedBefore)
    {
        _result = result;
        _sql = sql;
        _cancellationToken = cancellationToken;
        _registration = registration;
        _ownedStatement = ownedStatement;
        _rowsChangedBefore = rowsChangedBefore;
        var count = (int)NativeMethods.ColumnCount(result.Result);
        _columns = new ColumnVector[count];
        for (var i = 0; i < count; i++)
        {
            var name = Utf8.Decode(NativeMethods.ColumnName(result.Result, (ulong)i)) ?? "";
            var type = DuckDbLogicalType.TakeType(NativeMethods.ColumnLogicalType(result.Result, (ulong)i));
            _columns[i] = new ColumnVector(name, type);
        }

        _changesRows = StatementExecution.ChangesRows(result) && count == 1 && _columns[0].Type.Id == DuckDbType.BigInt;
    }

    /// <summary>Bumped whenever the current chunk changes, so stale <see cref="DuckDbDataChunk"/>s notice.</summary>
    internal int Generation { get; private set; }

    internal ColumnVector[] Columns => _columns;

    /// <summary>Number of columns.</summary>
    public int FieldCount => _columns.Length;

    /// <summary>
    /// Rows changed by INSERT/UPDATE/DELETE statements in the text (all of them, when it held several); 0 for queries.
    /// </summary>
    public long RowsChanged
    {
        get
        {
            if (_changesRows && !_sawFirstChunk && !_done)
            {
                // The count is the result's only row: fetch it now and leave it for Read/ReadChunk.
                if (FetchChunk())
                {
                    _row = -1;
                    _chunkUnread = true;
                }
            }

            return _rowsChangedBefore + _rowsChanged;
        }
    }

    /// <summary>The column's name as DuckDB reports it.</summary>
    public string GetName(int ordinal) => _columns[ordinal].Name;

    /// <summary>The ordinal of the first column named <paramref name="name"/> (case-insensitive), or -1.</summary>
    public int GetOrdinal(string name) => Array.FindIndex(_columns, c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The column's full type (decimal width/scale, element and field types, enum values).</summary>
    public DuckDbLogicalType GetColumnType(int ordinal) => _columns[ordinal].Type;

    /// <summary>Moves to the next row, fetching the next chunk from DuckDB when the current one is exhausted.</summary>
    /// <returns>False at the end of the result.</returns>
    public bool Read()
    {
        _chunkUnread = false;
        if (_row + 1 < _chunkRows)
        {
            _row++;
            return true;
        }

        if (!FetchChunk())
        {
            return false;
        }

        _row = 0;
        return true;
    }

    /// <summary>
    /// The next whole chunk (the chunk-at-a-time hot path), or null at the end. Rows of a chunk that
    /// <see cref="Read"/> already started are skipped. The chunk is valid until the next Read/ReadChunk or Dispose.
    /// </summary>
    public DuckDbDataChunk? ReadChunk()
    {
        if (!_chunkUnread && !FetchChunk())
        {
            return null;
        }

        _chunkUnread = false;
        _row = _chunkRows;
        return new DuckDbDataChunk(this, Generation, _chunkRows);
    }

    /// <summary>True when the column is NULL in the current row.</summary>
    public bool IsDBNull(int ordinal) => !Column(ordinal).IsValid(_row);

    /// <summary>
    /// The value in its CLR form (see the binding's type table; e.g. DECIMAL → decimal, LIST → List&lt;object?&gt;,
    /// STRUCT → Dictionary&lt;string, object?&gt;), or null for NULL.
    /// </summary>
    public object? GetValue(int ordinal) => Column(ordinal).GetValue(_row);

    public bool GetBoolean(int ordinal) => Column(ordinal).GetBoolean(_row);

    /// <summary>Any integer column that fits in a long.</summary>
    public long GetInt64(int ordinal) => Column(ordinal).GetInt64(_row);

    /// <summary>Any integer column that fits in an int.</summary>
    public int GetInt32(int ordinal) => checked((int)Column(ordinal).GetInt64(_row));

    /// <summary>DOUBLE, FLOAT, DECIMAL or an integer column.</summary>
    public double GetDouble(int ordinal) => Column(ordinal).GetDouble(_row);

    /// <summary>DECIMAL (throws <see cref="OverflowException"/> beyond decimal's range), or a numeric column.</summary>
    public decimal GetDecimal(int ordinal) => Column(ordinal).GetDecimal(_row);

    /// <summary>VARCHAR or ENUM.</summary>
    public string GetString(int ordinal) => Column(ordinal).GetString(_row);

    /// <summary>TIMESTAMP (any precision, Kind Unspecified), TIMESTAMPTZ (Kind Utc) or DATE (midnight).</summary>
    public DateTime GetDateTime(int ordinal) => Column(ordinal).GetDateTime(_row);

    /// <summary>
    /// The value as <typeparamref name="T"/>. A NULL gives null for reference and nullable types and throws
    /// <see cref="InvalidCastException"/> otherwise. <see cref="DuckDbDecimal"/> reads any DECIMAL exactly.
    /// </summary>
    public T GetFieldValue<T>(int ordinal) => ValueAccess.Get<T>(Column(ordinal), _row);

    private ColumnVector Column(int ordinal)
    {
        if ((uint)_row >= (uint)_chunkRows)
        {
            ThrowHelper.NoRow();
        }

        return _columns[ordinal];
    }

    private bool FetchChunk()
    {
        ReleaseChunk();
        if (_done)
        {
            return false;
        }

        while (true)
        {
            if (_cancellationToken.IsCancellationRequested)
            {
                _done = true;
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var raw = NativeMethods.FetchChunk(*_result.Result);
            if (raw == IntPtr.Zero)
            {
                _done = true;
                var error = NativeMethods.ResultError(_result.Result);
                if (error != null)
                {
                    ThrowHelper.Failed(Utf8.Decode(error), _sql, _cancellationToken);
                }

                _registration.Dispose();
                return false;
            }

            var size = (int)NativeMethods.DataChunkGetSize(raw);
            if (size == 0)
            {
                NativeMethods.DestroyDataChunk(ref raw);
                continue;
            }

            _chunk = new DataChunkHandle(raw);
            _chunkRows = size;
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Attach(NativeMethods.DataChunkGetVector(raw, (ulong)i));
            }

            if (!_sawFirstChunk)
            {
                _sawFirstChunk = true;
                if (_changesRows && _columns[0].IsValid(0))
                {
                    _rowsChanged = _columns[0].GetInt64(0);
                }
            }

            return true;
        }
    }

    private void ReleaseChunk()
    {
        Generation++;
        _chunkRows = 0;
        _row = 0;
        _chunk?.Dispose();
        _chunk = null;
    }

    /// <summary>Ends the query and frees its native memory; the cancellation token is unregistered.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        ReleaseChunk();
        _done = true;
        _result.Dispose();
        _ownedStatement?.Dispose();
    }
}
