using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Quality;

public static class QualityProfileServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="QualityProfileQueue"/> that profiles tables after commits that
    /// change data. Needs the catalog, a <see cref="DuckDbDatabase"/> and a <see cref="TimeProvider"/>; the query service
    /// picks the queue up when it is registered.
    /// </summary>
    public static IServiceCollection AddQualityAfterCommit(this IServiceCollection services)
    {
        services.AddSingleton(sp => Create(sp, sp.GetRequiredService<DuckDbDatabase>()));
        return services;
    }

    /// <summary>A queue over the catalog of <paramref name="services"/>, reading tables through <paramref name="duckDb"/>.</summary>
    internal static QualityProfileQueue Create(IServiceProvider services, DuckDbDatabase duckDb, ILogger? logger = null, bool start = true) => new(
        new SnapshotProfiler(duckDb, services.GetService<TimeProvider>() ?? TimeProvider.System),
        new RegisteredTables(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>()),
        services.GetRequiredService<QualityStore>(),
        (location, ct) => TableFolder.OpenAsync(location, duckDb, services.GetService<Storage.ObjectStoreFactory>(), ct),
        logger ?? services.GetService<ILogger<QualityProfileQueue>>() ?? (ILogger)NullLogger<QualityProfileQueue>.Instance,
        start);
}
