using System.Globalization;

namespace NeuroLake.Engine.Ingestion;

/// <summary>Quoting for names and constants spliced into the SQL that ingestion generates.</summary>
internal static class SqlText
{
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
