using System.Text.Json;

namespace NeuroLake.Web.Api;

/// <summary>Reads a <see cref="SqlRequest"/> body, or says what is wrong with it.</summary>
internal static class SqlRequestReader
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <returns>The request, or the problem to answer instead (415 unless declared JSON, 400 when it does not parse).</returns>
    public static async Task<(SqlRequest? Request, IResult? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        // Only JSON: a cross-site HTML form cannot send it without a CORS preflight, so another page cannot run SQL here.
        if (!http.HasJsonContentType())
        {
            return (null, SqlProblems.JsonRequired());
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<SqlRequest>(http.Body, RequestJson, ct), null);
        }
        catch (JsonException e)
        {
            return (null, SqlProblems.InvalidJson(e));
        }
    }
}
