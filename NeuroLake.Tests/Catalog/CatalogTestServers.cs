namespace NeuroLake.Tests.Catalog;

/// <summary>The PostgreSQL server scripts/test.sh provides, read from the environment.</summary>
internal static class CatalogTestServers
{
    public const string PostgresVariable = "NEUROLAKE_TEST_POSTGRES";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool PostgresAvailable => IsCi || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through scripts/test.sh");
}
