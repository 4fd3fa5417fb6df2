using System.Net;
using System.Text.Json;

namespace NeuroLake.Tests.Web.Api;

/// <summary>Under <c>/api</c> an unknown path or a wrong method answers a JSON problem; elsewhere the not-found page.</summary>
public sealed class ApiNotFoundTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly HttpClient _client;

    public ApiNotFoundTests(WorkbenchAppFactory app) => _client = app.CreateClient();

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v2/sql", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/sql", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/api/v1/uploads", HttpStatusCode.MethodNotAllowed)]
    public async Task An_unknown_api_path_or_method_answers_a_problem_not_a_page(string method, string path, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_page_still_answers_the_not_found_page()
    {
        using var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
