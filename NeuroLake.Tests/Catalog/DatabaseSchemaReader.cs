using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Tests.Catalog;

/// <summary>The tables, columns and indexes a catalog database really has, as comparable text lines.</summary>
internal static class DatabaseSchemaReader
{
    private const string SqliteColumns = """
        SELECT m.name || '.' || p.name || ' ' || p.type || CASE WHEN p."notnull" = 1 THEN ' not null' ELSE '' END || CASE WHEN p.pk > 0 THEN ' pk' ELSE '' END
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;

    private const string SqliteIndexes = """
        SELECT m.name || ' index ' || il.name || CASE WHEN il."unique" = 1 THEN ' unique' ELSE '' END || ' (' ||
               (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
        FROM sqlite_master m JOIN pragma_index_list(m.name) il
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;

    private const string SqliteForeignKeys = """
        SELECT m.name || ' fk ' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;

    private const string PostgresColumns = """
        SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
               || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END || coalesce(' collate ' || collation_name, '')
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;

    private const string PostgresIndexes = """
        SELECT tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
        """;

    private const string PostgresForeignKeys = """
        SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE contype = 'f' AND connamespace = 'public'::regnamespace
        """;

    public static async Task<List<string>> ReadAsync(CatalogDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var queries = db.IsPostgres
                ? new[] { PostgresColumns, PostgresIndexes, PostgresForeignKeys }
                : new[] { SqliteColumns, SqliteIndexes, SqliteForeignKeys };
            var lines = new List<string>();
            foreach (var sql in queries)
            {
                lines.AddRange(await LinesAsync(connection, sql));
            }

            lines.Sort(StringComparer.Ordinal);
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> LinesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
