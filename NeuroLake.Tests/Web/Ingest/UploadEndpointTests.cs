using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Api;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class UploadEndpointTests(WorkbenchAppFactory app) : IClassFixture<WorkbenchAppFactory>
{
    [Fact]
    public async Task An_upload_is_stored_byte_for_byte_under_its_sanitized_name_and_found_by_its_id()
    {
        using var client = app.CreateClient();
        var bytes = Enumerable.Range(0, 3 * 81920 + 17).Select(i => (byte)(i * 31)).ToArray();

        using var response = await client.PostAsync("/api/v1/uploads?name=" + Uri.EscapeDataString("../../etc/bird strikes?.csv"), new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>();
        Assert.Equal(("bird_strikes_.csv", (long)bytes.Length), (body!.FileName, body.Size));
        var stored = app.Services.GetRequiredService<UploadStore>().Find(body.Id);
        Assert.NotNull(stored);
        Assert.Equal(Path.Combine(app.DataDirectory, "uploads", body.Id, "bird_strikes_.csv"), stored.Path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored.Path));
    }

    [Fact]
    public async Task An_upload_without_a_name_is_refused_with_a_problem_saying_how_to_name_it()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/uploads", new ByteArrayContent([1, 2, 3]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("?name=", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_uploads_of_the_same_name_are_kept_apart_and_deleting_one_keeps_the_other()
    {
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<UploadStore>();

        var first = await UploadAsync(client, "same.csv", "a\n1\n");
        var second = await UploadAsync(client, "same.csv", "a\n2\n");
        store.Delete(first.Id);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Null(store.Find(first.Id));
        Assert.Equal("a\n2\n", await File.ReadAllTextAsync(store.Find(second.Id)!.Path));
    }

    private static async Task<UploadEndpoints.UploadResponse> UploadAsync(HttpClient client, string name, string text)
    {
        using var response = await client.PostAsync("/api/v1/uploads?name=" + name, new StringContent(text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>())!;
    }
}
