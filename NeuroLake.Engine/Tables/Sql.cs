namespace NeuroLake.Engine.Tables;

/// <summary>Quoting for identifiers and literals spliced into DuckDB SQL that Tables generates.</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
