using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Query;

/// <summary>
/// A DuckDB database where table s.t exists in two versions, as plain tables t_v1 and t_v2, and a
/// resolver that maps references to them the way the query service will map them to snapshot files.
/// </summary>
internal sealed class VersionedTables : IDisposable
{
    private readonly InMemoryDuckDb _db = new();

    public VersionedTables()
    {
        Connection.Execute("""
            CREATE TABLE t_v1 AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) v(id, v);
            CREATE TABLE t_v2 AS SELECT * FROM (VALUES (1, 10), (2, 25), (4, 40)) v(id, v);
            """);
    }

    public DuckDbConnection Connection => _db.Connection;

    /// <summary>The timestamp from which version 2 is current.</summary>
    public static readonly DateTimeOffset Version2Time = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>s.t resolves to a subquery over its version's table; no time travel means the latest version.</summary>
    public static string Resolve(TableReference reference)
    {
        Assert.Equal("t", reference.Name.Name);
        var version = reference.TimeTravel switch
        {
            null => 2,
            { Kind: TimeTravelKind.Version, Version: var v } => v!.Value,
            { Timestamp: var at } => at < Version2Time ? 1 : 2,
        };
        return $"(SELECT * FROM t_v{version})";
    }

    /// <summary>Rewrites the single statement in <paramref name="sql"/> and runs it.</summary>
    public List<string> Run(string sql, out string rewritten)
    {
        rewritten = TableReferenceRewriter.Rewrite(Assert.Single(SqlScript.Parse(sql).Statements), Resolve);
        return Rows(rewritten);
    }

    /// <summary>Each row as its values joined with '|'.</summary>
    public List<string> Rows(string sql)
    {
        using var reader = Connection.ExecuteReader(sql);
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "NULL")));
        }

        return rows;
    }

    public void Dispose() => _db.Dispose();
}
