using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Security;

public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new(new Dictionary<string, string>
    {
        ["NeuroLake:Limits:MaxRequestBytes"] = "1000",
        ["NeuroLake:Limits:MaxUploadBytes"] = "4000",
        ["NeuroLake:Limits:UserQuotaBytes"] = "6000",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_request_body_over_the_limit_gets_a_413_naming_its_size_the_limit_and_the_setting()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/sql", new { sql = "SELECT '" + new string('x', 2000) + "'" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = await DetailAsync(response);
        Assert.StartsWith("The request body is 2 KB; the limit is 1000 bytes.", detail);
        Assert.Contains("NeuroLake:Limits:MaxRequestBytes", detail);
    }

    [Fact]
    public async Task An_upload_over_the_upload_limit_is_refused_and_nothing_is_staged()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/uploads?name=big.csv", new ByteArrayContent(new byte[5000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The upload is 4.9 KB; the limit is 3.9 KB. Set NeuroLake:Limits:MaxUploadBytes to change it.", await DetailAsync(response));
        Assert.Empty(Store().ListFor(Environment.UserName));
        Assert.False(Directory.Exists(Store().Root) && Directory.EnumerateDirectories(Store().Root).Any());
    }

    [Fact]
    public async Task A_chunked_upload_is_cut_off_at_the_limit_and_leaves_nothing_behind()
    {
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/v1/ingest?table=limits.chunked&mode=create&filename=x.csv", Chunked(new byte[9000]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 3.9 KB", await DetailAsync(response));
        var staging = Path.Combine(_app.DataDirectory, "ingest-staging");
        Assert.True(!Directory.Exists(staging) || !Directory.EnumerateFileSystemEntries(staging).Any());
    }

    [Fact]
    public async Task Uploads_past_the_users_quota_get_a_409_and_the_uploads_already_staged_stay()
    {
        using var client = _app.CreateClient();
        using var first = await client.PostAsync("/api/v1/uploads?name=a.csv", new ByteArrayContent(Filled(3500, 1)));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var declared = await client.PostAsync("/api/v1/uploads?name=b.csv", new ByteArrayContent(Filled(3000, 2)));
        using var chunked = await client.PostAsync("/api/v1/uploads?name=c.csv", Chunked(Filled(3000, 3)));

        Assert.Equal(HttpStatusCode.Conflict, declared.StatusCode);
        Assert.Contains("your quota is 5.9 KB", await DetailAsync(declared));
        Assert.Equal(HttpStatusCode.Conflict, chunked.StatusCode);
        Assert.Equal(["a.csv"], Store().ListFor(Environment.UserName).Select(u => u.FileName));
        Assert.Equal(Filled(3500, 1), await File.ReadAllBytesAsync(Store().ListFor(Environment.UserName)[0].Path));
        Assert.Single(Directory.EnumerateDirectories(Store().Root));
    }

    private UploadStore Store() => _app.Services.GetRequiredService<UploadStore>();

    private static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();

    /// <summary>A body sent without Content-Length, whose size the server only learns by reading it.</summary>
    private static StreamContent Chunked(byte[] bytes) => new(new NonSeekableStream(bytes));

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
