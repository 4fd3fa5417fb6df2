using System.Diagnostics;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs.Cleanup;
using NeuroLake.Engine.Tables;

namespace NeuroLake.Web.Extensions;

public static class ScratchExtensions
{
    /// <summary>
    /// Stages table files in <c>&lt;data&gt;/staging/tables</c> (set now, before any database is opened with it in its
    /// sandbox) and registers the job body that cleans staging and scratch folders (a system job on the Jobs page).
    /// </summary>
    public static IHostApplicationBuilder AddNeuroLakeScratch(this IHostApplicationBuilder builder, string dataDirectory)
    {
        LocalStaging.Configure(NeuroLakeOptions.ResolveTableStaging(dataDirectory));
        builder.Services.AddSingleton(sp => new ScratchFolders(sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value));
        builder.Services.AddSingleton(sp => new ScratchCleanupJob(
            sp.GetRequiredService<ScratchFolders>(),
            sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.Cleanup,
            ProcessStart(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    // Anything in the scratch folders written before this moment belongs to an earlier process.
    private static DateTime ProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }
}
