using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.Tables;

/// <summary>One in-memory DuckDB database shared by a test class (connections are opened per operation).</summary>
public sealed class DuckDbFixture : IDisposable
{
    public DuckDbDatabase Database { get; } = DuckDbDatabase.Open(null, new DuckDbSettings { Threads = 2 });

    public void Dispose() => Database.Dispose();
}
