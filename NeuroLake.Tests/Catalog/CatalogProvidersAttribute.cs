using System.Reflection;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Configuration;
using NeuroLake.Tests.Infrastructure;
using Xunit.Sdk;

namespace NeuroLake.Tests.Catalog;

/// <summary>
/// Runs a catalog theory once per provider: SQLite always, PostgreSQL when <c>NEUROLAKE_TEST_POSTGRES</c> is set
/// (under <c>CI=true</c> always, so a missing server fails instead of silently shrinking the suite).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CatalogProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [CatalogProvider.Sqlite];
        if (TestEnvironment.IsCi || TestEnvironment.Missing(TestEnvironment.PostgresVariable).Count == 0)
        {
            yield return [CatalogProvider.Postgres];
        }
    }
}
