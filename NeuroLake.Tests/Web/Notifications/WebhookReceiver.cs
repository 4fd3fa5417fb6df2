using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NeuroLake.Tests.Web.Notifications;

/// <summary>A real HTTP receiver on a free loopback port that records each POST's query and body and answers <c>status</c>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Channel<(string Query, string Body)> received) => (_app, Received) = (app, received);

    /// <summary>Every request received, in order.</summary>
    public Channel<(string Query, string Body)> Received { get; }

    /// <summary>The receiver's hook address, with a secret in its query string as real hooks often have.</summary>
    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(int status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var received = Channel.CreateUnbounded<(string, string)>();
        app.MapPost("/hooks/neurolake", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Writer.TryWrite((request.QueryString.Value ?? "", await reader.ReadToEndAsync()));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiver(app, received) { Url = $"{address}/hooks/neurolake?token=s3cret-hook-token" };
    }

    /// <summary>The next request, waiting at most <paramref name="patience"/> (a bound on a hang, not a timing assertion).</summary>
    public async Task<(string Query, string Body)> NextAsync(TimeSpan patience) => await Received.Reader.ReadAsync().AsTask().WaitAsync(patience);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
