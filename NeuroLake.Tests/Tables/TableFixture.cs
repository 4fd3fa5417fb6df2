using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Tests.Tables;

/// <summary>A table in a fresh temp folder, over the shared DuckDB database.</summary>
public abstract class TableTestBase(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    protected DuckDbFixture Duck => duck;

    protected string Folder => _folder.Path;

    protected DeltaTable NewTable(string name = "t", DeltaTableOptions? options = null) =>
        new(new LocalObjectStore(_folder.Sub(name)), duck.Database, options);

    /// <summary>A fresh instance over the same folder: no cached snapshot, as another process would see it.</summary>
    protected DeltaTable Reopen(DeltaTable table) => new(table.Store, duck.Database, table.Options);

    protected long Count(DeltaTable table, long? version = null) =>
        SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({DeltaTable.ToSql(table.GetSnapshotAsync(version).GetAwaiter().GetResult())})");

    protected long Scalar(string sql) => SqlProbe.Long(duck.Database, sql);

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
