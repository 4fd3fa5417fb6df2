using System.Text;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Types;

namespace NeuroLake.Engine.Tables.Writes;

/// <summary>
/// Evaluates a SQL predicate over partition columns (replaceWhere) in DuckDB against files' partition values,
/// so the predicate means exactly what it means in a query. Predicates on other columns are refused.
/// </summary>
internal sealed class PartitionFilter(DuckDbDatabase duckDb, StructType schema, IReadOnlyList<string> partitionColumns, string predicate)
{
    public string Predicate => predicate;

    public HashSet<string> Matching(IReadOnlyList<AddFile> files)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var columns = partitionColumns.Select(c => schema.Find(c)!).ToList();
        var values = new StringBuilder();
        for (var i = 0; i < files.Count; i++)
        {
            values.Append(i == 0 ? "(" : ", (").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var column in columns)
            {
                files[i].PartitionValues.TryGetValue(column.Name, out var text);
                values.Append(", ").Append(string.IsNullOrEmpty(text)
                    ? $"CAST(NULL AS {DuckDbTypes.ToDuckDb(column.Type)})"
                    : $"CAST({Sql.Literal(text)} AS {DuckDbTypes.ToDuckDb(column.Type)})");
            }

            values.Append(')');
        }

        var names = string.Join(", ", new[] { "\"__file\"" }.Concat(columns.Select(c => Sql.Quote(c.Name))));
        using var connection = duckDb.ConnectTracked();
        connection.UseUtc();
        try
        {
            var rows = DuckDbRows.QueryJson(connection, $"SELECT \"__file\" FROM (VALUES {values}) AS t({names}) WHERE ({predicate})");
            return rows.Select(r =>
            {
                using var doc = JsonDocument.Parse(r);
                return files[doc.RootElement.GetProperty("__file").GetInt32()].Path;
            }).ToHashSet(StringComparer.Ordinal);
        }
        catch (DuckDbException e)
        {
            throw new InvalidTableOperationException(
                $"The replaceWhere predicate '{predicate}' cannot be used: it may refer only to the partition columns ({string.Join(", ", partitionColumns)}). DuckDB said: {e.Message}", e);
        }
    }

    public bool Matches(AddFile file) => Matching([file]).Count == 1;
}
