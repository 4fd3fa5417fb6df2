using NeuroLake.Tests.Ingestion;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>A test class that sends generated files to the real app's ingestion API: the app, a client and a folder for the files.</summary>
public abstract class IngestApiTest : IAsyncLifetime
{
    private readonly WorkbenchAppFactory _app = new();

    private protected IngestionTestFiles Files { get; } = new();

    protected HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Files.Dispose();
        await _app.DisposeAsync();
    }
}
