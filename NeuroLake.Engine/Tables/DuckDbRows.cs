using System.Text;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Tables;

/// <summary>Runs a SELECT in DuckDB and hands back every row as one JSON object (column name → value).</summary>
internal static class DuckDbRows
{
    public static List<byte[]> QueryJson(DuckDbConnection connection, string select, CancellationToken ct = default)
    {
        using var reader = connection.ExecuteReader($"SELECT CAST(to_json(nl_row) AS VARCHAR) FROM ({select}) AS nl_row", ct);
        var rows = new List<byte[]>();
        while (reader.Read())
        {
            rows.Add(Encoding.UTF8.GetBytes(reader.GetString(0)));
        }

        return rows;
    }

    internal static List<byte[]> SplitLines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<byte[]>();
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            if (!line.IsEmpty && !IsBlank(line))
            {
                lines.Add(line.ToArray());
            }

            bytes = end < 0 ? [] : bytes[(end + 1)..];
        }

        return lines;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    public static string Text(byte[] line) => Encoding.UTF8.GetString(line);
}
