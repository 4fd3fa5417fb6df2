using System.Text.Json;
using NeuroLake.Engine.Query.Advisor;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Web.Api;

/// <summary>
/// Writes statement results straight to the response as
/// <c>{"statements": [{"kind", "line", "columns": [{"name", "type", "piiType"?}], "rows": [[...]], "rowCount", "truncated", "rowsAffected",
/// "advice": [{"rule", "message", "suggestion"}]}]}</c>,
/// flushing as it goes instead of building the document in memory (values: see <see cref="ResultValueJson"/>).
/// </summary>
internal sealed class SqlResultsJson(IReadOnlyList<StatementResult> results) : IResult
{
    private const int RowsPerFlush = 1_000;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var ct = httpContext.RequestAborted;
        await using var json = new Utf8JsonWriter(response.BodyWriter, ResultValueJson.WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("statements");
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("kind", result.Kind.ToString());
            json.WriteNumber("line", result.Line);
            WriteColumns(json, result.Columns);
            json.WriteStartArray("rows");
            var written = 0;
            foreach (var row in result.Rows)
            {
                json.WriteStartArray();
                foreach (var value in row)
                {
                    ResultValueJson.Write(json, value);
                }

                json.WriteEndArray();
                if (++written % RowsPerFlush == 0)
                {
                    await FlushAsync(json, response, ct);
                }
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

            WriteAdvice(json, result.Advice);

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await FlushAsync(json, response, ct);
    }

    private static async Task FlushAsync(Utf8JsonWriter json, HttpResponse response, CancellationToken ct)
    {
        json.Flush();
        await response.BodyWriter.FlushAsync(ct);
    }

    private static void WriteAdvice(Utf8JsonWriter json, IReadOnlyList<AdvisorFinding> advice)
    {
        json.WriteStartArray("advice");
        foreach (var finding in advice)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("message", finding.Message);
            json.WriteString("suggestion", finding.Suggestion);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void WriteColumns(Utf8JsonWriter json, IReadOnlyList<ResultColumn> columns)
    {
        json.WriteStartArray("columns");
        foreach (var column in columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            if (column.PiiType is { } pii)
            {
                json.WriteString("piiType", pii);
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
