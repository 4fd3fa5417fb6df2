using System.Runtime.CompilerServices;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Engine.Tables.Snapshots;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// What a statement's FROM clause names for a snapshot: the bare <c>read_parquet</c> call when the files' columns are
/// exactly the table's (DuckDB plans it better than a subquery), else the snapshot's relation in parentheses, whose
/// casts and typed NULLs give files of another shape the table's schema. Decided once per snapshot, by DESCRIBE.
/// </summary>
internal sealed class SnapshotFromItems(DuckDbDatabase database)
{
    private readonly ConditionalWeakTable<Snapshot, string> _items = [];

    /// <param name="relation">The snapshot's relation, <see cref="SnapshotRelation.ToSql(Snapshot)"/>, already built.</param>
    public string Of(Snapshot snapshot, string relation) => _items.GetValue(snapshot, s => Decide(s, relation));

    private string Decide(Snapshot snapshot, string relation)
    {
        var scan = SnapshotRelation.FileScan(snapshot);
        if (scan is null)
        {
            return "(" + relation + ")";
        }

        try
        {
            using var connection = database.Connect();
            connection.UseUtc();
            return Columns(connection, $"SELECT * FROM {scan}").SequenceEqual(Columns(connection, relation)) ? scan : "(" + relation + ")";
        }
        catch (DuckDbException)
        {
            // A file DuckDB cannot read: the relation fails the statement with DuckDB's own message.
            return "(" + relation + ")";
        }
    }

    private static List<(string Name, string Type)> Columns(DuckDbConnection connection, string query)
    {
        var columns = new List<(string, string)>();
        using var reader = connection.ExecuteReader($"DESCRIBE {query}");
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }
}
