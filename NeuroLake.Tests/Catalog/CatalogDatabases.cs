using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Infrastructure;
using Npgsql;

namespace NeuroLake.Tests.Catalog;

/// <summary>
/// One fresh catalog database per test class and provider (a temp SQLite file, or <c>neurolake_test_&lt;guid&gt;</c> on
/// PostgreSQL), migrated through <see cref="CatalogServiceCollectionExtensions.AddNeuroLakeCatalog(IServiceCollection, IConfiguration, string)"/>
/// and dropped when the class is done.
/// </summary>
public sealed class CatalogDatabases : IAsyncLifetime
{
    private readonly Dictionary<CatalogProvider, Task<ServiceProvider>> _catalogs = [];
    private readonly List<string> _postgresDatabases = [];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neurolake-catalog-tests", Guid.NewGuid().ToString("N"));
    private readonly Lock _gate = new();

    /// <summary>The migrated catalog of this test class for <paramref name="provider"/>.</summary>
    public async Task<IServiceProvider> OpenAsync(CatalogProvider provider)
    {
        Task<ServiceProvider> catalog;
        lock (_gate)
        {
            if (!_catalogs.TryGetValue(provider, out catalog!))
            {
                catalog = _catalogs[provider] = CreateMigratedAsync(provider);
            }
        }

        return await catalog;
    }

    /// <summary>Services over a new, empty (unmigrated) database; disposed by the caller, dropped with the class.</summary>
    public async Task<ServiceProvider> CreateEmptyAsync(CatalogProvider provider)
    {
        var connectionString = await NewDatabaseAsync(provider);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["NeuroLake:Catalog:Provider"] = provider.ToString(),
                ["ConnectionStrings:Catalog"] = connectionString,
            })
            .Build();
        return new ServiceCollection().AddNeuroLakeCatalog(configuration, _folder).BuildServiceProvider();
    }

    /// <summary>Services over a new database of its own, migrated; for tests that replace catalog-wide state.</summary>
    public async Task<ServiceProvider> CreateMigratedAsync(CatalogProvider provider)
    {
        var services = await CreateEmptyAsync(provider);
        await services.MigrateCatalogAsync();
        return services;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var catalog in _catalogs.Values)
        {
            if (catalog.IsCompletedSuccessfully)
            {
                await catalog.Result.DisposeAsync();
            }
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_postgresDatabases.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await admin.OpenAsync();
            foreach (var database in _postgresDatabases)
            {
                await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private async Task<string> NewDatabaseAsync(CatalogProvider provider)
    {
        if (provider == CatalogProvider.Sqlite)
        {
            Directory.CreateDirectory(_folder);
            return $"Data Source={Path.Combine(_folder, $"catalog_{Guid.NewGuid():N}.db")}";
        }

        var name = $"neurolake_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, admin);
            await create.ExecuteNonQueryAsync();
        }

        lock (_gate)
        {
            _postgresDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = name }.ConnectionString;
    }
}
