using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Governance;

public static class GovernanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PrivilegeEvaluator"/>, <see cref="GroupDirectory"/>, <see cref="GrantStore"/> and
    /// <see cref="TablePolicies"/>, <see cref="ColumnClassifier"/> and <see cref="UserRemoval"/> over the catalog (<c>AddNeuroLakeCatalog</c> first). <paramref name="mode"/>:
    /// <c>NeuroLake:Auth:Mode</c>; in <see cref="AuthMode.Single"/> nothing is checked.
    /// </summary>
    public static IServiceCollection AddNeuroLakeGovernance(this IServiceCollection services, AuthMode mode) =>
        services.AddNeuroLakeGovernance(_ => () => mode);

    /// <summary>As <see cref="AddNeuroLakeGovernance(IServiceCollection, AuthMode)"/>, with the mode read at every check from what <paramref name="mode"/> returns (a host whose administrators may switch it while running).</summary>
    public static IServiceCollection AddNeuroLakeGovernance(this IServiceCollection services, Func<IServiceProvider, Func<AuthMode>> mode)
    {
        services.AddSingleton(sp => new PrivilegeEvaluator(Factory(sp), mode(sp)));
        services.AddSingleton(sp => new GroupDirectory(Factory(sp), sp.GetRequiredService<PrivilegeEvaluator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new GrantStore(Factory(sp), sp.GetRequiredService<PrivilegeEvaluator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new UserRemoval(Factory(sp), sp.GetRequiredService<PrivilegeEvaluator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new TablePolicies(Factory(sp), sp.GetRequiredService<PrivilegeEvaluator>()));
        services.AddSingleton(sp => new ColumnClassifier(
            sp.GetRequiredService<Catalog.CatalogStore>(), sp.GetRequiredService<PrivilegeEvaluator>(), sp.GetService<Audit.AuditLog>()));
        return services;
    }

    private static IDbContextFactory<CatalogDbContext> Factory(IServiceProvider sp) => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
}
