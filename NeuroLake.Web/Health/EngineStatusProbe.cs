using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Web.Health;

/// <summary>Asks the shared DuckDB database a query through a fresh connection and reports what it found.</summary>
public sealed class EngineStatusProbe(DuckDbDatabase database, IOptions<NeuroLakeOptions> options, TimeProvider time)
{
    public EngineStatus Check()
    {
        string? error = null;
        try
        {
            using var connection = database.Connect();
            connection.Execute("SELECT 1");
        }
        catch (DuckDbException exception)
        {
            error = exception.Message;
        }
        catch (ObjectDisposedException)
        {
            error = "The DuckDB database is closed: the app is shutting down.";
        }

        var settings = options.Value;
        return new EngineStatus(error is null, DuckDbDatabase.LibraryVersion, settings.DataDirectory, settings.Catalog.Provider, time.GetUtcNow(), error);
    }
}
