using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage.Cache;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Engine.Storage;

/// <summary>Registers table storage: the <see cref="ObjectStoreFactory"/> for local and S3 locations.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ObjectStoreFactory"/> over <see cref="NeuroLakeOptions.Storage"/>. The catalog's
    /// <see cref="ICommitCoordinator"/> and <see cref="Tiering.TablePlacements"/> are used when registered (<c>AddNeuroLakeCatalog</c>);
    /// one probe cache serves the process.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="dataDirectory">The data folder a relative <see cref="FileCacheOptions.Path"/> is resolved against.</param>
    public static IServiceCollection AddNeuroLakeStorage(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton<ConditionalCreateProbe>();
        services.TryAddSingleton(sp =>
        {
            var cache = sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Storage.Cache;
            return new FileCache(Path.GetFullPath(cache.Path, dataDirectory), cache.CapacityBytes, cache.PrefetchParallelism);
        });
        services.TryAddSingleton(sp => new ObjectStoreFactory(
            sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Storage,
            sp.GetService<ICommitCoordinator>(),
            sp.GetRequiredService<ConditionalCreateProbe>(),
            sp.GetRequiredService<FileCache>(),
            sp.GetService<Tiering.TablePlacements>()));
        return services;
    }
}
