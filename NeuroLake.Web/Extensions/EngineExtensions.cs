using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Cost;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Settings;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Web.Health;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Extensions;

public static class EngineExtensions
{
    /// <summary>
    /// Binds <see cref="NeuroLakeOptions"/> from the <c>NeuroLake</c> section (data folder resolved against the
    /// content root), registers the shared DuckDB database (disposed at shutdown) and creates the data folder at start.
    /// Every DuckDB database the host opens gets a spill folder of its own in the configured scratch folder; the shared one
    /// and the SQL service's interactive one the configured threads and memory limit, the SQL service's heavy one and the
    /// load database (<see cref="Engine.Ingestion.IngestionDatabase"/>) the heavy work's (<c>NeuroLake:Admission</c>).
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeEngine(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<NeuroLakeOptions>()
            .Bind(builder.Configuration.GetSection(NeuroLakeOptions.SectionName))
            .PostConfigure(options => options.DataDirectory = options.ResolveDataDirectory(contentRoot))
            .Validate(options => options.DuckDb.Threads is null or > 0, "NeuroLake:DuckDb:Threads must be a positive number of threads, or left unset to use every core.")
            .Validate(options => options.Query.StatementTimeout > TimeSpan.Zero, "NeuroLake:Query:StatementTimeout must be a positive time span such as 00:30:00 (default 30 minutes).")
            .Validate(options => options.Cleanup.MaxAge > TimeSpan.Zero, "NeuroLake:Cleanup:MaxAge must be a positive time span such as 1.00:00:00 (default one day).")
            .Validate(options => options.Metering.RetentionDays > 0, "NeuroLake:Metering:RetentionDays must be a positive number of days (default 400).")
            .Validate(options => options.RowLimit > 0, "NeuroLake:RowLimit must be a positive number of rows (default 10000).")
            .Validate(options => options.CompareRowLimit >= 0, "NeuroLake:CompareRowLimit must be zero or a positive number of rows (default 1000000).")
            .Validate(options => !string.IsNullOrWhiteSpace(options.User), "NeuroLake:User must name the local user queries run as, or be left unset to use the operating-system account.")
            .Validate(options => options.Storage.S3.PartSizeBytes >= S3ObjectStore.MinPartSize, "NeuroLake:Storage:S3:PartSizeBytes must be at least 5242880 (5 MiB, S3's smallest part; default 8 MiB).")
            .Validate(options => options.Storage.Cache.CapacityGb > 0, "NeuroLake:Storage:Cache:CapacityGb must be a positive number of gigabytes (default 10).")
            .Validate(options => options.Storage.Cache.PrefetchParallelism > 0, "NeuroLake:Storage:Cache:PrefetchParallelism must be a positive number of files (default 8).")
            .Validate(options => options.Storage.Cache.SampleMinutes > 0, "NeuroLake:Storage:Cache:SampleMinutes must be a positive number of minutes between samples of the file cache (default 5).")
            .Validate(options => options.Storage.S3.MaxAttempts > 0, "NeuroLake:Storage:S3:MaxAttempts must be a positive number of attempts (default 5).")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => OpenDatabase(services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value));
        // File loads (wizard, POST /api/v1/ingest) run on a database with the heavy work's threads, memory and priority.
        builder.Services.AddSingleton(services => OpenIngestionDatabase(services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value));
        builder.Services.AddSingleton<EngineStatusProbe>();
        var configured = ReadOptions(builder.Configuration);
        var dataDirectory = configured.ResolveDataDirectory(contentRoot);
        var warehouse = configured.ResolveWarehouse(dataDirectory);
        builder.Services.AddNeuroLakeStorageHealthCheck(warehouse);
        builder.AddNeuroLakeScratch(dataDirectory);
        builder.Services.AddNeuroLakeCatalog(builder.Configuration, dataDirectory);
        builder.Services.AddNeuroLakeAudit().Configure<AuditOptions>(builder.Configuration.GetSection(AuditOptions.SectionName));
        builder.Services.AddNeuroLakeStorage(dataDirectory);
        // The mode an administrator may switch at run time (Admin → Settings): read from the settings at every check.
        builder.Services.AddNeuroLakeGovernance(services =>
        {
            var settings = services.GetRequiredService<SettingsStore>();
            return () => settings.Current.AuthMode;
        });
        builder.Services.AddCatalogTableRegistration(warehouse);
        builder.Services.AddIngestionLoader();
        builder.Services.AddQualityAfterCommit();
        builder.Services.AddNeuroLakeQueryService(warehouse, query =>
        {
            // The same DuckDB settings as the shared database; the service spills into its own subfolder of the scratch folder.
            query.Threads = configured.DuckDb.Threads;
            query.MemoryLimit = configured.DuckDb.MemoryLimit;
            query.ScratchDirectory = configured.DuckDb.ResolveTempDirectory(dataDirectory);
            query.StatementTimeout = configured.Query.StatementTimeout;
            query.RowLimit = configured.RowLimit;
            query.AuthMode = configured.Auth.Mode;
            query.Admission = configured.Admission;
            foreach (var location in configured.ExternalLocations)
            {
                query.ExternalLocations.Add(Engine.Storage.S3.S3Location.IsS3(location) ? location : Path.GetFullPath(location, dataDirectory));
            }
        });
        builder.Services.AddNeuroLakeCost();
        builder.Services.AddNeuroLakeBackups();
        builder.Services.AddSingleton<NeuroLake.Web.Backups.BackupHealth>();
        builder.Services.AddSingleton<NeuroLake.Web.Backups.RestorePlanner>();
        builder.Services.AddNeuroLakeSettings(ConfiguredSettings);
        builder.Services.AddHostedService<EngineStartup>();
        builder.AddNeuroLakeJobs(warehouse);
        return builder;
    }

    private static RuntimeSettings ConfiguredSettings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value;
        return new RuntimeSettings(
            options.RowLimit,
            options.Query.StatementTimeout,
            options.CompareRowLimit,
            services.GetRequiredService<IOptions<UploadOptions>>().Value.Expiry,
            services.GetRequiredService<IOptions<AuditOptions>>().Value.RetentionDays,
            options.Jobs.HistoryDays,
            options.Jobs.HistoryRunsPerJob,
            options.Jobs.FailureWebhookUrl ?? "",
            AuthMode: options.Auth.Mode);
    }

    // The catalog's and query service's registrations need the folders now, before options are materialized.
    private static NeuroLakeOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(NeuroLakeOptions.SectionName).Get<NeuroLakeOptions>() ?? new NeuroLakeOptions();

    private static Engine.Ingestion.IngestionDatabase OpenIngestionDatabase(NeuroLakeOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return Engine.Ingestion.IngestionDatabase.Open(options.Admission, options.DuckDb.MemoryLimit, options.DuckDb.LoadSpill(options.DataDirectory));
    }

    private static DuckDbDatabase OpenDatabase(NeuroLakeOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return DuckDbDatabase.Open(path: null, options.DuckDb.ToSettings(options.DataDirectory));
    }
}
