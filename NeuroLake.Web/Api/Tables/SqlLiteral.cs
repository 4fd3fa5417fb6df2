using System.Text.Json;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// JSON values as SQL literals for statements the tables endpoints build. The query service takes SQL text, so values
/// are spliced, never raw: a string becomes one quoted literal with its quotes doubled (DuckDB's strings have no
/// backslash escapes), a number its JSON text (the JSON reader already checked it is only a number), booleans and null
/// their keywords. DuckDB casts a string literal to the column's type, so dates and timestamps go as strings.
/// </summary>
internal static class SqlLiteral
{
    public static string Of(JsonElement value, string column) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        JsonValueKind.Null => "NULL",
        _ => throw new BadApiRequestException(
            $"The value for column '{column}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}: give a string, number, boolean or null (dates and timestamps as strings)."),
    };

    /// <summary>A string as one quoted literal.</summary>
    public static string Text(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
