using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Governance.Audit;

namespace NeuroLake.Engine.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SettingsStore"/> over the catalog, starting from <paramref name="configured"/> (built from the
    /// host's options when the store is first resolved). Call <see cref="SettingsStore.LoadAsync"/> once the catalog is migrated.
    /// </summary>
    public static IServiceCollection AddNeuroLakeSettings(this IServiceCollection services, Func<IServiceProvider, RuntimeSettings> configured)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SettingsStore(
            sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), sp.GetRequiredService<TimeProvider>(), configured(sp), sp.GetService<AuditLog>()));
        return services;
    }
}
