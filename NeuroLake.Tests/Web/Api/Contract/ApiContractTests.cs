using System.Net;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api.Contract;

/// <summary>
/// The OpenAPI document is a contract: every operation documents what it answers on success, and what the endpoints
/// really answer matches the documented schemas.
/// </summary>
public sealed class ApiContractTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task Every_operation_documents_its_success_response_and_its_json_schema()
    {
        using var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var successes = DocumentedResponses.Successes(operation.Value);
                if (successes.Count == 0)
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: no success response");
                }
                else if (successes.All(s => s.Value is null && s.Key is "200" or "201") && !DocumentedResponses.HasNonJsonContent(operation.Value))
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: {string.Join(",", successes.Keys)} without a JSON schema");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} operations:\n" + string.Join('\n', missing));
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
