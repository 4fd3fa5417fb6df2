using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NeuroLake.Tests.Web.Api.Contract;

/// <summary>
/// What the endpoints really answer matches the schemas the OpenAPI document declares for them: a lakehouse with a
/// table, an ingestion, a job, a pipeline and an upload, then every read (and a few writes) a script would make, each
/// answer checked against the documented schema of its status code.
/// </summary>
public sealed class ApiResponseShapeTests : IClassFixture<WorkbenchAppFactory>
{
    private const string Table = "main.shapes.cities";
    private readonly WorkbenchAppFactory _app;

    public ApiResponseShapeTests(WorkbenchAppFactory app) => _app = app;

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "POST", "/api/v1/sql", """{"sql": "SELECT 1 AS n, 'x' AS s, [1, 2] AS l, {'a': 1} AS st"}""" },
        { "POST", "/api/v1/sql", """{"sql": "INSERT INTO shapes.cities VALUES (9, 'Bern', 1.5)"}""" },
        { "POST", "/api/v1/sql/explain", """{"sql": "SELECT * FROM shapes.cities"}""" },
        { "GET", "/api/v1/sql/history", null },
        { "GET", "/api/v1/catalog/catalogs", null },
        { "GET", "/api/v1/catalog/catalogs/main/schemas", null },
        { "GET", "/api/v1/catalog/catalogs/main/schemas/shapes/tables", null },
        { "GET", $"/api/v1/catalog/tables/{Table}", null },
        { "GET", $"/api/v1/catalog/tables/{Table}/recommendations", null },
        { "GET", "/api/v1/catalog/search?q=cities", null },
        { "GET", $"/api/v1/tables/{Table}", null },
        { "GET", $"/api/v1/tables/{Table}/history", null },
        { "GET", $"/api/v1/tables/{Table}/rows?limit=5", null },
        { "GET", $"/api/v1/tables/{Table}/properties", null },
        { "PATCH", $"/api/v1/tables/{Table}/properties", """{"shape": "checked"}""" },
        { "POST", $"/api/v1/tables/{Table}/merge", """{"keys": ["id"], "rows": [{"id": 1, "name": "Oslo", "score": 3.5}]}""" },
        { "GET", $"/api/v1/lineage/{Table}", null },
        { "GET", $"/api/v1/lineage/{Table}/impact", null },
        { "GET", $"/api/v1/quality/{Table}", null },
        { "GET", $"/api/v1/quality/{Table}/history", null },
        { "GET", "/api/v1/jobs", null },
        { "GET", "/api/v1/jobs/runs", null },
        { "GET", "/api/v1/pipelines", null },
        { "GET", "/api/v1/pipelines/templates", null },
        { "GET", "/api/v1/notifications", null },
        { "GET", "/api/v1/uploads", null },
        { "GET", $"/api/v1/grants?on={Table}", null },
        { "GET", "/api/v1/admin/settings", null },
        { "POST", "/api/v1/backups", null },
        { "GET", "/api/v1/backups", null },
        { "GET", "/api/v1/storage", null },
        { "GET", $"/api/v1/storage/tables/{Table}/partitions", null },
        { "GET", "/api/v1/storage/cache", null },
        { "GET", "/api/2.1/unity-catalog/catalogs", null },
        { "GET", "/api/2.1/unity-catalog/schemas?catalog_name=main", null },
        { "GET", "/api/2.1/unity-catalog/tables?catalog_name=main&schema_name=shapes", null },
        { "GET", $"/api/2.1/unity-catalog/tables/{Table}", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_answer_matches_the_documented_schema(string method, string path, string? body)
    {
        await SeedAsync();
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        using var document = await DocumentAsync(client);
        var operation = Operation(document.RootElement, method, new Uri("http://x" + path).AbsolutePath);
        var documented = DocumentedResponses.Successes(operation);
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(documented.ContainsKey(status), $"{method} {path} answered {status}, which the document does not list ({string.Join(", ", documented.Keys)}).");
        var schema = documented[status];
        Assert.True(schema is not null, $"{method} {path}: {status} has no JSON schema in the document.");
        using var answer = JsonDocument.Parse(text);
        var mismatches = new SchemaCheck(document.RootElement).Mismatches(answer.RootElement, schema.Value);
        Assert.True(mismatches.Count == 0, $"{method} {path}:\n" + string.Join('\n', mismatches.Take(20)));
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly HashSet<WorkbenchAppFactory> Seeded = [];

    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (!Seeded.Add(_app))
            {
                return;
            }
            using var client = _app.CreateClient();
            await OkAsync(client.PostAsJsonAsync("/api/v1/sql", new { sql = "CREATE SCHEMA shapes; CREATE TABLE shapes.cities (id INTEGER, name VARCHAR, score DOUBLE); INSERT INTO shapes.cities VALUES (1, 'Oslo', 2.5), (2, 'Lima', NULL); CREATE TABLE shapes.big AS SELECT * FROM shapes.cities" }));
            await OkAsync(client.PostAsync("/api/v1/ingest?table=shapes.loaded", new StringContent("id,email\n1,ann@example.com\n2,bob@example.com\n")));
            await OkAsync(client.PostAsync("/api/v1/uploads?name=later.csv", new StringContent("a,b\n1,2\n")));
            await OkAsync(client.PostAsJsonAsync("/api/v1/jobs", new { name = "shape profile", kind = "QualityReprofile", table = Table, cron = "0 3 * * *" }));
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonDocument> DocumentAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The operation whose path template matches <paramref name="path"/>; literal segments win over parameters.</summary>
    private static JsonElement Operation(JsonElement document, string method, string path)
    {
        var candidates = document.GetProperty("paths").EnumerateObject()
            .Where(p => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"))
            .OrderBy(p => p.Name.Count(c => c == '{'))
            .ToList();
        Assert.True(candidates.Count > 0, $"No documented path matches {path}.");
        return candidates.Select(c => c.Value.TryGetProperty(method.ToLowerInvariant(), out var op) ? op : default).First(op => op.ValueKind == JsonValueKind.Object);
    }
}
