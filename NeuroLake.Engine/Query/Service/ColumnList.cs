using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Query.Service;

/// <summary>A SQL column list (<c>id BIGINT NOT NULL, name VARCHAR</c>) as Delta fields.</summary>
internal static class ColumnList
{
    /// <summary>DuckDB parses the column list: it becomes an empty temporary table whose columns we read back.</summary>
    public static StructType Parse(DuckDbDatabase duckDb, string columns)
    {
        using var scratch = duckDb.Connect();
        var name = "columns_" + Guid.NewGuid().ToString("N");
        scratch.ExecuteNonQuery($"CREATE TEMP TABLE {name} ({columns})");
        using var reader = scratch.ExecuteReader(
            $"SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = '{name}' ORDER BY column_index");
        var fields = new List<StructField>();
        while (reader.Read())
        {
            fields.Add(new StructField(reader.GetString(0), DuckDbTypes.FromDuckDb(reader.GetString(1)), reader.GetBoolean(2)));
        }

        // The temporary table goes with the connection.
        return new StructType(fields);
    }
}
