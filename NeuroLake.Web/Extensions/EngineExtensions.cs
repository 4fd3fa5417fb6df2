using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Web.Health;

namespace NeuroLake.Web.Extensions;

public static class EngineExtensions
{
    /// <summary>
    /// Binds <see cref="NeuroLakeOptions"/> from the <c>NeuroLake</c> section (data folder resolved against the
    /// content root), registers the shared DuckDB database (disposed at shutdown) and creates the data folder at start.
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeEngine(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<NeuroLakeOptions>()
            .Bind(builder.Configuration.GetSection(NeuroLakeOptions.SectionName))
            .PostConfigure(options => options.DataDirectory = options.ResolveDataDirectory(contentRoot))
            .Validate(options => options.DuckDb.Threads is null or > 0, "NeuroLake:DuckDb:Threads must be a positive number of threads, or left unset to use every core.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => OpenDatabase(services.GetRequiredService<IOptions<NeuroLakeOptions>>().Value));
        builder.Services.AddSingleton<EngineStatusProbe>();
        builder.Services.AddHostedService<EngineStartup>();
        return builder;
    }

    private static DuckDbDatabase OpenDatabase(NeuroLakeOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return DuckDbDatabase.Open(path: null, options.DuckDb.ToSettings(options.DataDirectory));
    }
}
