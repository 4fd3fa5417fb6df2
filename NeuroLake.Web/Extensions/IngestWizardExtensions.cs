using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs.Cleanup;
using NeuroLake.Web.Api;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Extensions;

public static class IngestWizardExtensions
{
    /// <summary>
    /// The upload staging folder (<c>&lt;data&gt;/uploads</c>, expired after the upload expiry of Admin → Settings by the
    /// upload cleanup system job), and the ingestion wizard's engine calls and drafts.
    /// </summary>
    public static IServiceCollection AddNeuroLakeIngestWizard(this IServiceCollection services)
    {
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName);
        services.AddSingleton(sp => new UploadStore(
            Path.Combine(sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.DataDirectory, "uploads"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<UploadOptions>>().Value.Expiry));
        services.AddSingleton<UploadQuota>();
        services.AddSingleton<IExpiringUploads>(sp => sp.GetRequiredService<UploadStore>());
        services.AddSingleton(sp => new UploadCleanupJob(sp.GetRequiredService<IExpiringUploads>()));
        services.AddSingleton<IngestionWorkflow>();
        services.AddSingleton<IngestDrafts>();
        return services;
    }

    /// <summary>Maps <c>/api/v1/uploads</c>.</summary>
    public static WebApplication MapNeuroLakeIngestWizard(this WebApplication app)
    {
        app.MapUploadEndpoints();
        return app;
    }
}
