using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Tables;
using NeuroLake.Web.Scratch;

namespace NeuroLake.Web.Extensions;

public static class ScratchExtensions
{
    /// <summary>
    /// Stages table files in <c>&lt;data&gt;/staging/tables</c> (set now, before any database is opened with it in its
    /// sandbox) and registers the cleanup of staging and scratch folders at start and by age.
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeScratch(this IHostApplicationBuilder builder, string dataDirectory)
    {
        LocalStaging.Configure(NeuroLakeOptions.ResolveTableStaging(dataDirectory));
        builder.Services.AddSingleton(sp => new ScratchFolders(sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value));
        builder.Services.AddHostedService<ScratchCleanup>();
        return builder;
    }
}
