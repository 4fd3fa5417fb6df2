namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A statement prepared once and executed many times with different parameter values.
/// Parameters are numbered from 1, as in DuckDB (<c>?</c> placeholders count from the left; <c>$n</c> is n).
/// </summary>
/// <remarks>Thread rules: as its connection, one thread at a time; bindings persist across executions until rebound or cleared.</remarks>
public sealed unsafe partial class DuckDbPreparedStatement : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly PreparedStatementHandle _handle;

    internal DuckDbPreparedStatement(DuckDbConnection connection, PreparedStatementHandle handle, string sql)
    {
        _connection = connection;
        _handle = handle;
        Sql = sql;
    }

    /// <summary>The statement text.</summary>
    public string Sql { get; }

    /// <summary>What kind of statement DuckDB's parser made of the text.</summary>
    public DuckDbStatementType StatementType => (DuckDbStatementType)NativeMethods.PreparedStatementType(_handle.DangerousGetHandle());

    /// <summary>Number of parameters the statement takes.</summary>
    public int ParameterCount => (int)NativeMethods.ParameterCount(_handle.DangerousGetHandle());

    /// <summary>Unbinds every parameter.</summary>
    public void ClearBindings() => Check(NativeMethods.ClearBindings(_handle.DangerousGetHandle()), 1);

    /// <summary>Executes and returns the rows changed (INSERT/UPDATE/DELETE; 0 for others).</summary>
    public long ExecuteNonQuery(CancellationToken cancellationToken = default)
    {
        using var reader = ExecuteReader(cancellationToken);
        return reader.RowsChanged;
    }

    /// <summary>Executes and returns the first column of the first row, or null.</summary>
    public object? ExecuteScalar(CancellationToken cancellationToken = default)
    {
        using var reader = ExecuteReader(cancellationToken);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <summary>Executes with the current bindings and streams the result (see <see cref="DuckDbConnection.ExecuteReader"/>).</summary>
    public DuckDbDataReader ExecuteReader(CancellationToken cancellationToken = default)
    {
        var registration = _connection.RegisterInterrupt(cancellationToken);
        try
        {
            _connection.MarkRan();
            var result = StatementExecution.Run(_connection.Handle, _handle, streaming: true, Sql, cancellationToken, _connection.Database.Nice);
            return new DuckDbDataReader(result, Sql, cancellationToken, registration, ownedStatement: null, rowsChangedBefore: 0);
        }
        catch
        {
            registration.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();

    private IntPtr Handle => _handle.DangerousGetHandle();

    private void Check(int state, int index)
    {
        if (state == NativeMethods.DuckDbSuccess)
        {
            return;
        }

        var count = ParameterCount;
        if (index < 1 || index > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"The statement has {count} parameter(s), numbered from 1.");
        }

        throw new DuckDbException(
            Utf8.Decode(NativeMethods.PrepareError(Handle)) ?? $"DuckDB could not bind parameter {index}.", Sql);
    }
}
