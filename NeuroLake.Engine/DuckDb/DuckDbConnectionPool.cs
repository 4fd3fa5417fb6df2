using System.Collections.Concurrent;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// Connections opened while a database could still be configured per connection (progress tracking on), kept for
/// reuse after its configuration is locked. Only statements that leave no session state may run on them.
/// </summary>
internal sealed class DuckDbConnectionPool : IDisposable
{
    private readonly ConcurrentBag<DuckDbConnection> _idle = [];
    private volatile bool _disposed;

    public void Add(DuckDbConnection connection) => _idle.Add(connection);

    /// <summary>An idle connection, now owned by the caller until disposed; null when all are in use.</summary>
    public DuckDbConnection? Rent()
    {
        if (_disposed || !_idle.TryTake(out var connection))
        {
            return null;
        }

        connection.Rented(this);
        return connection;
    }

    public void Return(DuckDbConnection connection)
    {
        if (_disposed)
        {
            connection.Close();
            return;
        }

        _idle.Add(connection);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Close();
        }
    }
}
