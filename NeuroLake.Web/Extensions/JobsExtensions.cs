using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Registration;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Jobs;
using NeuroLake.Web.Pipelines;

namespace NeuroLake.Web.Extensions;

public static class JobsExtensions
{
    /// <summary>The SQLite file Hangfire keeps its queues in, in the data folder beside the catalog.</summary>
    public const string SqliteFileName = "jobs.db";

    /// <summary>
    /// Adds the engine's jobs and Hangfire: on PostgreSQL in the catalog's database (schema <c>hangfire</c>); on SQLite in
    /// <see cref="SqliteFileName"/> beside the catalog file, so Hangfire's frequent polling never holds the catalog's
    /// single writer lock while a commit waits for it. Workers and queues from <c>NeuroLake:Jobs</c>.
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeJobs(this IHostApplicationBuilder builder, string warehouse)
    {
        builder.Services.AddOptions<NeuroLakeOptions>()
            .Validate(o => o.Jobs.WorkerCount > 0, "NeuroLake:Jobs:WorkerCount must be a positive number of workers (default 2).")
            .Validate(o => o.Jobs.HistoryDays > 0, "NeuroLake:Jobs:HistoryDays must be a positive number of days (default 30).")
            .Validate(o => o.Jobs.HistoryRunsPerJob > 0, "NeuroLake:Jobs:HistoryRunsPerJob must be a positive number of runs (default 100).")
            .Validate(o => o.Jobs.SchedulePollingInterval > TimeSpan.Zero, "NeuroLake:Jobs:SchedulePollingInterval must be a positive time span such as 00:00:15 (default 15 seconds).");
        builder.Services.AddNeuroLakeJobs(warehouse);
        builder.Services.AddSingleton<HangfireJobs>();
        builder.Services.AddSingleton<PipelineAuthoring>();
        builder.Services.AddSingleton<JobScheduler>();
        builder.Services.AddSingleton<VisibleJobs>();
        builder.Services.AddSingleton<ITableCreatedListener, NewTableJobs>();
        builder.Services.AddHangfire((services, configuration) =>
        {
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()));
            configuration.UseStorage(services.GetRequiredService<JobStorage>());
        });
        // Registered after AddHangfire, whose own registration hands out the process-wide JobStorage.Current: with two
        // hosts in one process (tests) a host could get the other's storage and fire its jobs there.
        builder.Services.AddSingleton<JobStorage>(CreateStorage);
        builder.Services.AddHostedService<JobsStartup>();
        builder.Services.AddHangfireServer((services, server) =>
        {
            var jobs = services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Jobs;
            server.WorkerCount = jobs.WorkerCount;
            server.Queues = jobs.EffectiveQueues.ToArray();
            server.ShutdownTimeout = TimeSpan.FromSeconds(5);
            server.SchedulePollingInterval = jobs.SchedulePollingInterval;
            // This host's own activator: the default can be the process-wide one, so with two hosts in one process (tests)
            // a worker could build the job class from the other host's services and run it against the wrong catalog.
            server.Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>());
            // Our own cancel is immediate; this is how often Hangfire notices a job deleted from its dashboard.
            server.CancellationCheckInterval = TimeSpan.FromSeconds(2);
        });
        return builder;
    }

    private static JobStorage CreateStorage(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<CatalogConnection>();
        if (catalog.Provider == CatalogProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(catalog.ConnectionString, options), options);
        }

        var dataDirectory = services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.DataDirectory;
        Directory.CreateDirectory(dataDirectory);
        return new SQLiteStorage(Path.Combine(dataDirectory, SqliteFileName), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
    }

    /// <summary>The path of Hangfire's own dashboard, for administrators (linked from the Jobs page).</summary>
    public const string DashboardPath = "/admin/hangfire";

    /// <summary>Mounts Hangfire's dashboard at <see cref="DashboardPath"/>; call after authentication.</summary>
    public static WebApplication MapNeuroLakeJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AsyncAuthorization = [new AdminDashboardFilter()],
            AppPath = "/jobs",
            DashboardTitle = "NeuroLake jobs (Hangfire)",
        });
        return app;
    }
}
