using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>The columns a DuckDB query produces, as DuckDB describes them, mapped to Delta types.</summary>
internal static class QuerySchema
{
    public static List<(string Name, string DuckDbType)> Describe(DuckDbConnection connection, string query)
    {
        try
        {
            return DuckDbRows.QueryJson(connection, $"SELECT column_name, column_type FROM (DESCRIBE ({query}))")
                .Select(line =>
                {
                    using var doc = JsonDocument.Parse(line);
                    return (doc.RootElement.GetProperty("column_name").GetString()!, doc.RootElement.GetProperty("column_type").GetString()!);
                })
                .ToList();
        }
        catch (DuckDbException e)
        {
            throw new InvalidTableOperationException($"The query for the table cannot run: {e.Message}", e);
        }
    }

    public static StructType ToDelta(IEnumerable<(string Name, string DuckDbType)> columns) =>
        new(columns.Select(c => new StructField(c.Name, DuckDbTypes.FromDuckDb(c.DuckDbType))).ToList());
}
