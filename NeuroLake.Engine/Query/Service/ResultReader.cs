using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Service;

/// <summary>Runs SQL on a fresh UTC connection and keeps the first rows of its result.</summary>
internal static class ResultReader
{
    public static StatementOutcome Read(DuckDbDatabase database, string sql, int rowLimit, CancellationToken ct)
    {
        using var connection = database.Connect();
        connection.Execute("SET TimeZone = 'UTC'");
        using var reader = connection.ExecuteReader(sql, ct);
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
