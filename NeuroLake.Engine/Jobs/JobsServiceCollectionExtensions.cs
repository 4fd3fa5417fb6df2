using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Catalog.Quality;
using NeuroLake.Engine.Catalog.Registry;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Jobs.Backups;
using NeuroLake.Engine.Jobs.Cleanup;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Notifications;
using NeuroLake.Engine.Query.Service;

namespace NeuroLake.Engine.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds job definitions, run history, the job bodies, failure notifications and <see cref="JobRunner"/>. Announcers
    /// of failures (<see cref="IJobFailureAnnouncer"/>) registered by the host are used as well. Needs the catalog, the query
    /// service, catalog table registration and a <see cref="DuckDbDatabase"/>. The cleanup jobs run when the host registers
    /// <see cref="UploadCleanupJob"/> and <see cref="ScratchCleanupJob"/> (it owns the folders they sweep); runs are metered
    /// the storage metering job runs when <see cref="Cost.CostServiceCollectionExtensions.AddNeuroLakeCost"/> is registered;
    /// the backup and verify jobs run when <see cref="Backup.BackupServiceCollectionExtensions.AddNeuroLakeBackups"/> is.
    /// </summary>
    public static IServiceCollection AddNeuroLakeJobs(this IServiceCollection services, string warehouseRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new JobDefinitionStore(Factory(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new JobRunStore(Factory(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RunningJobs>();
        services.AddSingleton(sp => new TableMaintenanceJob(
            sp.GetRequiredService<CatalogStore>(), sp.GetRequiredService<QueryService>(), sp.GetRequiredService<DuckDbDatabase>(), sp.GetService<Storage.ObjectStoreFactory>()));
        services.AddSingleton(sp => new QualityReprofileJob(
            sp.GetRequiredService<CatalogStore>(), sp.GetRequiredService<QualityStore>(), sp.GetRequiredService<DuckDbDatabase>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Storage.ObjectStoreFactory>()));
        services.AddSingleton(sp => new CatalogDriftJob(
            sp.GetRequiredService<CatalogDriftCheck>(), sp.GetRequiredService<DeltaTableDiscovery>(), warehouseRoot));
        services.AddSingleton(sp => new PipelineJob(
            sp.GetRequiredService<PipelineRegistry>(), sp.GetRequiredService<PatternLibrary>(), sp.GetRequiredService<QueryService>()));
        services.AddSingleton(sp => new NotificationStore(Factory(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new JobFailureNotifier(
            sp.GetRequiredService<JobRunStore>(), sp.GetRequiredService<JobDefinitionStore>(), sp.GetRequiredService<NotificationStore>(),
            sp.GetServices<IJobFailureAnnouncer>(), sp.GetService<ILogger<JobFailureNotifier>>() ?? NullLogger<JobFailureNotifier>.Instance));
        services.AddSingleton(sp => new JobRunner(
            sp.GetRequiredService<JobDefinitionStore>(), sp.GetRequiredService<JobRunStore>(), sp.GetRequiredService<RunningJobs>(),
            sp.GetRequiredService<TableMaintenanceJob>(), sp.GetRequiredService<QualityReprofileJob>(), sp.GetRequiredService<CatalogDriftJob>(),
            sp.GetRequiredService<PipelineJob>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<JobRunner>>() ?? NullLogger<JobRunner>.Instance,
            sp.GetService<UploadCleanupJob>(), sp.GetService<ScratchCleanupJob>(), sp.GetRequiredService<JobFailureNotifier>(),
            sp.GetService<StorageMeteringJob>(), sp.GetService<JobMetering>(), sp.GetService<BackupJob>(), sp.GetService<VerifyBackupsJob>(), sp.GetService<Tiering.TieringJob>()));
        return services;
    }

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider sp) => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
}
