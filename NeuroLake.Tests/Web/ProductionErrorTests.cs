using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.Web;

public sealed class ProductionErrorTests
{
    [Fact]
    public async Task An_unhandled_api_exception_outside_development_is_a_problem_without_stack_trace_or_paths()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string>()) { EnvironmentName = "Production" };
        using var client = app.CreateClient();
        // A closed engine database is a fault no request handler expects: the exception escapes to the host.
        app.Services.GetRequiredService<DuckDbDatabase>().Dispose();
        using var body = new StringContent("id,name\n1,a\n", Encoding.UTF8, "text/csv");

        using var answer = await client.PostAsync("/api/v1/ingest?table=s.t&mode=create&filename=t.csv", body);
        var text = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(" at ", text);
        Assert.DoesNotContain(".cs", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(app.DataDirectory, text);
        Assert.DoesNotContain(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, text);
    }
}
