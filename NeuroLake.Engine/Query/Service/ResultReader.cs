using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Runs one read-only statement on a UTC connection and keeps the first rows of its result.</summary>
internal static class ResultReader
{
    /// <param name="explain">True when the statement is an EXPLAIN, the one other kind DuckDB may read it as.</param>
    public static StatementOutcome Read(DuckDbDatabase database, string sql, bool explain, int rowLimit, CancellationToken ct)
    {
        using var connection = database.ConnectTracked();
        connection.UseUtc();
        using var reader = connection.ExecuteCheckedReader(sql, explain ? ReadOnlyStatements.Explain : ReadOnlyStatements.Query, ct);
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), reader.GetColumnType(i).ToString()))
            .ToList();
        var rows = new List<object?[]>();
        var more = false;
        while (reader.Read())
        {
            if (rows.Count == rowLimit)
            {
                more = true;
                break;
            }

            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new StatementOutcome(columns, rows, more);
    }
}
