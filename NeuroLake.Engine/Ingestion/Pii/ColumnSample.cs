using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion.Pii;

/// <summary>A bounded, repeatable reservoir sample of a relation's scalar columns as text, the only rows PII detection reads into .NET.</summary>
internal sealed record ColumnSample(string Name, string DuckDbType, List<string> Values)
{
    private const int MaxValueLength = 2000;

    public static List<ColumnSample> Read(DuckDbConnection connection, string relation, int rows, CancellationToken ct)
    {
        var columns = new List<ColumnSample>();
        using (var describe = connection.ExecuteReader($"DESCRIBE SELECT * FROM {relation}", ct))
        {
            while (describe.Read())
            {
                var (name, type) = (describe.GetString(0), describe.GetString(1));
                if (!name.StartsWith("_nl_", StringComparison.Ordinal) && Quality.ColumnKind.IsOrderable(type) && type is not ("BOOLEAN" or "JSON"))
                {
                    columns.Add(new ColumnSample(name, type, []));
                }
            }
        }
        if (columns.Count == 0)
        {
            return columns;
        }
        var select = string.Join(", ", columns.Select(c => $"left(CAST({SqlText.Identifier(c.Name)} AS VARCHAR), {MaxValueLength})"));
        using var reader = connection.ExecuteReader(
            $"SELECT {select} FROM {relation} AS nl_pii USING SAMPLE reservoir({Math.Max(1, rows)} ROWS) REPEATABLE (17)", ct);
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (!reader.IsDBNull(i))
                {
                    columns[i].Values.Add(reader.GetString(i));
                }
            }
        }
        return columns;
    }
}
