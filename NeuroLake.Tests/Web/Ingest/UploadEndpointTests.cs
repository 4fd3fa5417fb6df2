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
        Assert.Equal(Environment.UserName, stored!.Owner);
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

    [Fact]
    public async Task The_same_file_uploaded_twice_answers_the_first_upload_and_is_listed_once()
    {
        using var client = app.CreateClient();
        var text = "id,note\n1,twice " + Guid.NewGuid() + "\n";

        var first = await UploadAsync(client, "twice.csv", text);
        using var again = await client.PostAsync("/api/v1/uploads?name=twice-again.csv", new StringContent(text));
        var listed = await client.GetFromJsonAsync<List<UploadEndpoints.UploadResponse>>("/api/v1/uploads");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>();
        Assert.Equal((first.Id, "twice.csv", true), (body!.Id, body.FileName, body.AlreadyStaged));
        Assert.Single(listed!, u => u.Id == first.Id);
        Assert.True(first.ExpiresAt > first.UploadedAt);
    }

    [Fact]
    public async Task The_owner_removes_an_upload_with_delete_and_another_users_upload_is_not_found()
    {
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<UploadStore>();
        var mine = await UploadAsync(client, "mine.csv", "a\n" + Guid.NewGuid() + "\n");
        var theirs = (await store.SaveAsync("someone-else", "theirs.csv", new MemoryStream([1, 2, 3]), CancellationToken.None)).Upload;

        using var removed = await client.DeleteAsync($"/api/v1/uploads/{mine.Id}");
        using var refused = await client.DeleteAsync($"/api/v1/uploads/{theirs.Id}");
        var listed = await client.GetFromJsonAsync<List<UploadEndpoints.UploadResponse>>("/api/v1/uploads");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(store.Find(mine.Id));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotNull(store.Find(theirs.Id));
        Assert.DoesNotContain(listed!, u => u.Id == theirs.Id || u.Id == mine.Id);
    }

    private static async Task<UploadEndpoints.UploadResponse> UploadAsync(HttpClient client, string name, string text)
    {
        using var response = await client.PostAsync("/api/v1/uploads?name=" + name, new StringContent(text));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UploadEndpoints.UploadResponse>())!;
    }
}
