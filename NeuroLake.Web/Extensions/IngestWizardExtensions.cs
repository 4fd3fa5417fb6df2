using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Api;
using NeuroLake.Web.Components.Pages.Ingest;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Web.Extensions;

public static class IngestWizardExtensions
{
    /// <summary>The upload staging folder (<c>&lt;data&gt;/uploads</c>, cleaned by age with the other scratch folders) and the ingestion wizard's engine calls.</summary>
    public static IServiceCollection AddNeuroLakeIngestWizard(this IServiceCollection services)
    {
        services.AddSingleton(sp => new UploadStore(
            Path.Combine(sp.GetRequiredService<IOptions<NeuroLakeOptions>>().Value.DataDirectory, "uploads"),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestionWorkflow>();
        return services;
    }

    /// <summary>Maps <c>POST /api/v1/uploads</c>.</summary>
    public static WebApplication MapNeuroLakeIngestWizard(this WebApplication app)
    {
        app.MapUploadEndpoints();
        return app;
    }
}
