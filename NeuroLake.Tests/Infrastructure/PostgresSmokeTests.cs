using Npgsql;

namespace NeuroLake.Tests.Infrastructure;

/// <summary>The PostgreSQL server scripts/test.sh starts accepts DDL and DML from Npgsql.</summary>
public sealed class PostgresSmokeTests
{
    [PostgresFact]
    public async Task A_table_created_on_the_test_server_returns_its_rows_and_is_gone_after_drop()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var table = $"smoke_{Guid.NewGuid():N}";
        await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.PostgresConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        try
        {
            await ExecuteAsync(connection, $"""CREATE TABLE "{table}" (id integer PRIMARY KEY, name text NOT NULL)""", ct);
            await using (var insert = new NpgsqlCommand($"""INSERT INTO "{table}" (id, name) VALUES ($1, $2), ($3, $4)""", connection))
            {
                insert.Parameters.Add(new() { Value = 1 });
                insert.Parameters.Add(new() { Value = "lake" });
                insert.Parameters.Add(new() { Value = 2 });
                insert.Parameters.Add(new() { Value = "house" });
                Assert.Equal(2, await insert.ExecuteNonQueryAsync(ct));
            }

            var rows = new List<(int Id, string Name)>();
            await using (var select = new NpgsqlCommand($"""SELECT id, name FROM "{table}" ORDER BY id""", connection))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            Assert.Equal([(1, "lake"), (2, "house")], rows);
        }
        finally
        {
            await ExecuteAsync(connection, $"""DROP TABLE IF EXISTS "{table}" """, ct);
        }

        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        exists.Parameters.Add(new() { Value = $"\"{table}\"" });
        Assert.False((bool)(await exists.ExecuteScalarAsync(ct))!);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
