using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Tiering;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs.Tiering;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Tiering;

public static class TieringServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LakehouseTiering"/> and the tiering job body. Needs the catalog (placements, overrides, registered
    /// tables), storage (<c>AddNeuroLakeStorage</c>) and a <see cref="DuckDbDatabase"/>; uses metered work, the price book and
    /// workload admission when registered.
    /// </summary>
    public static IServiceCollection AddNeuroLakeTiering(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LakehouseTiering(
            new TieringSurvey(
                sp.GetRequiredService<RegisteredTables>(), sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<ObjectStoreFactory>(),
                sp.GetRequiredService<TierOverrideStore>(), sp.GetService<MeteredWorkStore>()),
            sp.GetRequiredService<ObjectStoreFactory>(), sp.GetRequiredService<TablePlacements>(), sp.GetService<PriceBookStore>(),
            sp.GetService<WorkloadAdmission>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TieringJob(sp.GetRequiredService<LakehouseTiering>(), sp.GetService<Governance.Audit.AuditLog>()));
        return services;
    }
}
