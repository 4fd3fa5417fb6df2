using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Governance.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="AuditLog"/> over the catalog database (needs <c>AddNeuroLakeCatalog</c>), with retention from
    /// <see cref="AuditOptions"/> (bind <c>NeuroLake:Audit</c> to configure it).
    /// </summary>
    public static IServiceCollection AddNeuroLakeAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>();
        services.AddSingleton(sp => new AuditLog(
            sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<IOptions<AuditOptions>>().Value));
        return services;
    }
}
