using NeuroLake.Tests.Infrastructure;
using Npgsql;

namespace NeuroLake.Tests.Web;

/// <summary>A fresh PostgreSQL database for one web test, as the app's catalog settings; dropped afterwards.</summary>
internal static class PostgresCatalogSettings
{
    public static async Task RunAsync(string prefix, Func<IReadOnlyDictionary<string, string>, Task> test)
    {
        var database = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"""CREATE DATABASE "{database}" """);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = database }.ConnectionString;
            await test(new Dictionary<string, string> { ["NeuroLake:Catalog:Provider"] = "Postgres", ["ConnectionStrings:Catalog"] = connectionString });
            NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            await ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
