using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Jobs.Backups;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

public static class BackupServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LakehouseBackups"/> and the scheduled backup and verify job bodies over the repository of <see cref="BackupOptions.Target"/>; needs the catalog,
    /// storage, table registration, DuckDB and <see cref="NeuroLakeOptions"/> (with the resolved data folder) registered.
    /// </summary>
    public static IServiceCollection AddNeuroLakeBackups(this IServiceCollection services) => services
        .AddSingleton(sp => new BackupJob(
            sp.GetRequiredService<LakehouseBackups>(), sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Backup.Retention, sp.GetService<AuditLog>()))
        .AddSingleton(sp => new VerifyBackupsJob(sp.GetRequiredService<LakehouseBackups>(), sp.GetService<AuditLog>()))
        .AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value;
            return new LakehouseBackups(
                options.ResolveBackupTarget(options.DataDirectory), sp.GetRequiredService<ObjectStoreFactory>(),
                sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), sp.GetRequiredService<DuckDbDatabase>(), options.DataDirectory,
                sp.GetRequiredService<WarehouseLayout>(), sp.GetRequiredService<DeltaTableDiscovery>(), sp.GetRequiredService<CatalogTableObserver>(), sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
}
