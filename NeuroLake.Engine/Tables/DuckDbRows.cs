using System.Text;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Tables;

/// <summary>Runs a SELECT in DuckDB and hands back every row as one JSON object (column name → value).</summary>
internal static class DuckDbRows
{
    public static List<byte[]> QueryJson(DuckDbConnection connection, string select)
    {
        var file = LocalStaging.NewFile("json");
        try
        {
            connection.Execute($"COPY ({select}) TO {Sql.Literal(file)} (FORMAT json)");
            var bytes = File.Exists(file) ? LocalStaging.ReadAndDelete(file) : [];
            return SplitLines(bytes);
        }
        finally
        {
            LocalStaging.Delete(file);
        }
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
