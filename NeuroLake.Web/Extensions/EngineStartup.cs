using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Extensions;

/// <summary>Creates the data folder and opens DuckDB when the app starts, so a bad setting stops it there.</summary>
internal sealed partial class EngineStartup(IServiceProvider services, IOptions<NeuroLakeOptions> options, ILogger<EngineStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.DataDirectory);
        services.GetRequiredService<DuckDbDatabase>();
        LogEngineStarted(options.Value.DataDirectory, DuckDbDatabase.LibraryVersion, options.Value.Catalog.Provider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Engine started: data folder {DataDirectory}, DuckDB {DuckDbVersion}, catalog on {CatalogProvider}")]
    private partial void LogEngineStarted(string dataDirectory, string duckDbVersion, CatalogProvider catalogProvider);
}
