using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

/// <summary>A fresh in-memory database and one connection on it, for one test.</summary>
internal sealed class InMemoryDuckDb : IDisposable
{
    public InMemoryDuckDb(int threads = 2)
    {
        Database = DuckDbDatabase.Open(settings: new DuckDbSettings { Threads = threads });
        Connection = Database.Connect();
    }

    public DuckDbDatabase Database { get; }

    public DuckDbConnection Connection { get; }

    public object? Scalar(string sql) => Connection.ExecuteScalar(sql);

    public void Dispose()
    {
        Connection.Dispose();
        Database.Dispose();
    }
}
