using System.Buffers;
using System.Text.Json;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Api.Tables;

/// <summary>
/// One statement's answer as a JSON value, <c>{"columns": [{"name", "type", "piiType"?}], "rows": [[...]], "rowCount",
/// "truncated", "rowsAffected"}</c>, values written as the SQL API writes them (<see cref="ResultValueJson"/>). Built in
/// memory: the tables endpoints bound their rows (the row limit) and maintenance answers are a few rows.
/// </summary>
internal static class StatementJson
{
    public static JsonElement Of(StatementResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, ResultValueJson.WriterOptions))
        {
            json.WriteStartObject();
            SqlResultsJson.WriteColumns(json, result.Columns);
            json.WriteStartArray("rows");
            foreach (var row in result.Rows)
            {
                json.WriteStartArray();
                foreach (var value in row)
                {
                    ResultValueJson.Write(json, value);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteNumber("rowCount", result.Rows.Count);
            json.WriteBoolean("truncated", result.HasMoreRows);
            if (result.RowsAffected is { } affected)
            {
                json.WriteNumber("rowsAffected", affected);
            }
            else
            {
                json.WriteNull("rowsAffected");
            }

            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
