using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api;

public sealed class SqlApiTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public SqlApiTests(WorkbenchAppFactory app) => _app = app;

    [Fact]
    public async Task A_script_answers_one_result_per_statement_with_columns_rows_and_counts()
    {
        var schema = UniqueSchema();
        using var response = await PostAsync(new
        {
            sql = $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.cities (id INT, name VARCHAR); " +
                  $"INSERT INTO {schema}.cities VALUES (1, 'Oslo'), (2, 'Lima');\nSELECT id, name FROM {schema}.cities ORDER BY id",
        });
        using var json = await ReadJsonAsync(response, HttpStatusCode.OK);

        var statements = json.RootElement.GetProperty("statements");
        Assert.Equal(4, statements.GetArrayLength());
        Assert.Equal(2, statements[2].GetProperty("rowsAffected").GetInt64());
        var select = statements[3];
        Assert.Equal("Query", select.GetProperty("kind").GetString());
        Assert.Equal(2, select.GetProperty("line").GetInt32());
        Assert.Equal(["id:INTEGER", "name:VARCHAR"], select.GetProperty("columns").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("type").GetString()}"));
        Assert.Equal("""[[1,"Oslo"],[2,"Lima"]]""", select.GetProperty("rows").GetRawText());
        Assert.Equal(2, select.GetProperty("rowCount").GetInt32());
        Assert.False(select.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Values_keep_their_json_types_and_exact_digits()
    {
        using var response = await PostAsync(new
        {
            sql = """
                  SELECT 170141183460469231731687303715884105727::HUGEINT AS huge, 12345678901234567890.123456789::DECIMAL(38,9) AS amount,
                         1.5::DOUBLE AS ratio, 'NaN'::DOUBLE AS nan, DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 13:45:00.25' AS at,
                         TIMESTAMPTZ '2024-02-29 13:45:00+00' AS instant, '\x01\x02'::BLOB AS bytes, [1, 2] AS list,
                         {'a': 1, 'b': 'x'} AS struct, MAP {'k': 1} AS map, INTERVAL 1 DAY + INTERVAL 90 MINUTE AS span, true AS flag, NULL AS nothing
                  """,
        });
        using var json = await ReadJsonAsync(response, HttpStatusCode.OK);

        var row = json.RootElement.GetProperty("statements")[0].GetProperty("rows")[0].GetRawText();
        Assert.Equal(
            """[170141183460469231731687303715884105727,12345678901234567890.123456789,1.5,"NaN","2024-02-29","2024-02-29T13:45:00.25","2024-02-29T13:45:00+00:00","AQI=",[1,2],{"a":1,"b":"x"},{"k":1},"P1DT1H30M",true,null]""",
            row);
    }

    [Fact]
    public async Task MaxRows_cuts_the_result_and_says_it_was_truncated()
    {
        using var response = await PostAsync(new { sql = "SELECT range AS n FROM range(10)", maxRows = 3 });
        using var json = await ReadJsonAsync(response, HttpStatusCode.OK);

        var result = json.RootElement.GetProperty("statements")[0];
        Assert.Equal(3, result.GetProperty("rowCount").GetInt32());
        Assert.Equal(3, result.GetProperty("rows").GetArrayLength());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_failing_statement_answers_400_with_duckdbs_message_and_keeps_what_earlier_statements_wrote()
    {
        var schema = UniqueSchema();
        using var response = await PostAsync(new
        {
            sql = $"CREATE SCHEMA {schema}; CREATE TABLE {schema}.kept (id INT); INSERT INTO {schema}.kept VALUES (7);\nSELECT no_such_column FROM {schema}.kept",
        });
        using var problem = await ReadJsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("Statement 4 (line 2) failed", detail);
        Assert.Contains("no_such_column", detail);
        Assert.Equal(3, problem.RootElement.GetProperty("statementIndex").GetInt32());
        Assert.Equal(2, problem.RootElement.GetProperty("line").GetInt32());

        using var again = await PostAsync(new { sql = $"SELECT id FROM {schema}.kept" });
        using var kept = await ReadJsonAsync(again, HttpStatusCode.OK);
        Assert.Equal("[[7]]", kept.RootElement.GetProperty("statements")[0].GetProperty("rows").GetRawText());
    }

    [Theory]
    [InlineData("""{"maxRows": 5}""", "\"sql\"")]
    [InlineData("""{"sql": "  "}""", "\"sql\"")]
    [InlineData("""{"sql": "SELECT 1", "maxRows": 0}""", "between 1 and")]
    [InlineData("""{"sql": "SELECT 1", "maxRows": 10000000}""", "the server's row limit")]
    [InlineData("""{"sql": "SELECT 1",""", "JSON")]
    [InlineData("""{"sql": "SELECT 'unterminated"}""", "line 1")]
    [InlineData("""{"sql": "INSTALL httpfs"}""", "INSTALL")]
    public async Task Bad_requests_answer_400_saying_what_to_fix(string body, string expected)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/sql", new StringContent(body, Encoding.UTF8, "application/json"));
        using var problem = await ReadJsonAsync(response, HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_refused_so_html_forms_of_other_sites_cannot_run_sql()
    {
        var schema = UniqueSchema();
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/sql",
            new StringContent($$"""{"sql": "CREATE SCHEMA {{schema}}"}""", Encoding.UTF8, "text/plain"));
        using var problem = await ReadJsonAsync(response, HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("Content-Type: application/json", problem.RootElement.GetProperty("detail").GetString());
        using var check = await PostAsync(new { sql = "SHOW SCHEMAS" });
        using var schemas = await ReadJsonAsync(check, HttpStatusCode.OK);
        Assert.DoesNotContain(schema, schemas.RootElement.GetRawText());
    }

    private async Task<HttpResponseMessage> PostAsync(object body)
    {
        using var client = _app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/sql", body);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private static string UniqueSchema() => "api_" + Guid.NewGuid().ToString("N")[..8];
}
