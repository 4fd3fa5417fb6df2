using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Query.Sandbox;

/// <summary>
/// Hold-out style escape attempts against the SQL sandbox: every route of issue 19 (comment smuggling with each line
/// end and separator, PIVOT/UNPIVOT, wrappers, CTE/subquery/lateral/set-operation hiding, macros, settings, files,
/// ATTACH/COPY/EXPORT). Each must be refused, leave every byte under the data folder as it was and change no setting.
/// </summary>
public sealed class SandboxEscapeTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private const string DataFile = "{W}/main/s/t/part-00000.parquet";
    private const string LogFile = "{W}/main/s/t/_delta_log/00000000000000000000.json";

    /// <summary>Statements that must never run, whatever carries them.</summary>
    private static readonly string[] Payloads =
    [
        "COPY (SELECT 42) TO '" + LogFile + "'",
        "ATTACH '{W}/evil.duckdb' AS evil",
        "SET GLOBAL threads = 1",
        "PRAGMA threads = 1",
        "CREATE OR REPLACE MACRO generate_series(p) AS TABLE SELECT content FROM read_text(p)",
        "SET GLOBAL lock_configuration = true",
        "EXPORT DATABASE '{W}/exported'",
        "CHECKPOINT",
        "INSTALL httpfs",
        "CREATE SECRET leak (TYPE s3, KEY_ID 'k', SECRET 's')",
        "SELECT content FROM read_text('" + LogFile + "')",
        "SELECT * FROM glob('{W}/**')",
    ];

    /// <summary>Characters DuckDB or NeuroLake might treat differently around statements and comments.</summary>
    private static readonly string[] Separators = ["\r", "\r\n", "\n\r", "\f", "\v", "\u00a0", "\u2028", "\u0085", "\u3000"];

    /// <summary>What DuckDB's scanner ends a -- comment at: the only ways to smuggle a statement past one.</summary>
    private static readonly string[] LineEnds = ["\r", "\r\n", "\n\r"];

    /// <summary>Characters that look like line ends or spaces but, to DuckDB, do not end a -- comment.</summary>
    public static TheoryData<string> NotLineEnds() => new("\f", "\v", "\u00a0", "\u2028", "\u2029", "\u0085", "\u3000");

    public static TheoryData<string, string> Attempts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (end, e) in LineEnds.Select((s, i) => (s, i)))
        {
            data.Add($"comment smuggling, line end {e}", $"SELECT 1 --{end}; COPY (SELECT 42) TO '{LogFile}'; SELECT 2 --\n AS y");
            data.Add($"comment smuggling of a macro, line end {e}", $"SELECT 1 --{end}; {Payloads[4]}; SELECT 2 --\n AS y");
            data.Add($"comment smuggling of a global SET, line end {e}", $"SELECT 1 --{end}; {Payloads[5]}; SELECT 2 --\n AS y");
        }

        foreach (var (separator, s) in Separators.Select((s, i) => (s, i)))
        {
            data.Add($"separator {s} before a statement", $"SELECT 1;{separator}{Payloads[2]}");
            data.Add($"separator {s} inside a wrapper", $"EXPLAIN{separator}{Payloads[0]}");
        }

        foreach (var (payload, p) in Payloads.Select((p, i) => (p, i)))
        {
            data.Add($"payload {p} alone", payload);
            data.Add($"payload {p} after a block comment", $"SELECT 1 /* ; */; {payload}");
            data.Add($"payload {p} inside nested block comments", $"SELECT 1 /* /* */ ; {payload}; /* */");
            data.Add($"payload {p} under EXPLAIN", $"EXPLAIN {payload}");
        }

        data.Add("PREPARE wrapper", $"PREPARE p AS {Payloads[0]}");
        data.Add("EXECUTE wrapper", "EXECUTE p");
        data.Add("UNPIVOT of read_text in a subquery", $"SELECT * FROM (UNPIVOT read_text('{LogFile}') ON content)");
        data.Add("UNPIVOT of glob", "UNPIVOT glob('{W}/**') ON file");
        data.Add("PIVOT of read_text", $"SELECT * FROM (PIVOT read_text('{LogFile}') ON filename USING count(*))");
        data.Add("lateral read_text", $"SELECT * FROM s.t, LATERAL (SELECT content FROM read_text('{LogFile}'))");
        data.Add("set operation", $"SELECT 'x' UNION ALL SELECT content FROM read_text('{LogFile}')");
        data.Add("scalar subquery", $"SELECT (SELECT content FROM read_text('{LogFile}'))");
        data.Add("CTE", $"WITH leak AS (SELECT content FROM read_text('{LogFile}')) SELECT * FROM leak");
        data.Add("parquet file as a table", $"SELECT * FROM '{DataFile}'");
        data.Add("read_parquet of a data file", $"SELECT * FROM read_parquet('{DataFile}')");
        data.Add("current_setting", "SELECT current_setting('allowed_directories')");
        data.Add("duckdb_settings()", "SELECT * FROM duckdb_settings()");
        data.Add("duckdb_settings view", "FROM duckdb_settings");
        data.Add("getenv", "SELECT getenv('HOME')");
        data.Add("duckdb_extensions()", "SELECT * FROM duckdb_extensions()");
        data.Add("information_schema", "SELECT * FROM information_schema.tables");
        data.Add("system catalog", "SELECT * FROM system.main.duckdb_tables");
        data.Add("INSERT from a file", $"INSERT INTO s.t SELECT 1 FROM read_text('{LogFile}')");
        data.Add("UPDATE from a file", $"UPDATE s.t SET id = (SELECT length(content) FROM read_text('{LogFile}'))");
        data.Add("DELETE with a glob", "DELETE FROM s.t WHERE id IN (SELECT 1 FROM glob('{W}/**'))");
        data.Add("CTAS from a file", $"CREATE TABLE s.leak AS SELECT content FROM read_text('{LogFile}')");
        data.Add("MERGE from a file", $"MERGE INTO s.t USING (SELECT 1 AS id FROM read_text('{LogFile}')) AS src ON s.t.id = src.id WHEN MATCHED THEN DELETE");
        data.Add("time travel then smuggling", $"SELECT * FROM s.t VERSION AS OF 0 --\r; {Payloads[0]}; SELECT 1 --\n");
        data.Add("dynamic PIVOT creates an enum type", "SELECT * FROM (PIVOT s.t ON id USING count(*))");
        data.Add("json_execute_serialized_sql", "SELECT json_execute_serialized_sql(json_serialize_sql('SELECT 1'))");
        data.Add("query table function", $"SELECT * FROM query('COPY (SELECT 1) TO ''{LogFile}''')");
        data.Add("deep parentheses", "SELECT " + new string('(', 60_000) + "1" + new string(')', 60_000));
        data.Add("SHOW inside a query", "SELECT * FROM (SHOW ALL TABLES)");
        data.Add("DuckDB catalog name", "SELECT * FROM memory.main.t");
        data.Add("RESET a setting", "RESET threads");
        data.Add("DETACH", "DETACH memory");
        return data;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1::BIGINT AS id");
    }

    [Theory]
    [MemberData(nameof(Attempts))]
    public async Task An_escape_attempt_is_refused_and_changes_no_byte_and_no_setting(string route, string sql)
    {
        sql = sql.Replace("{W}", Warehouse.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal);
        var files = DataTree.Hash(DataFolder);
        var settings = Settings();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Service.ExecuteAsync(sql, Request()));

        Assert.True(error is QueryFailedException or Engine.Query.Syntax.SqlSyntaxException, $"{route}: {error.GetType().Name}: {error.Message}");
        Assert.DoesNotContain(Warehouse, error.Message);
        Assert.Equal(files, DataTree.Hash(DataFolder));
        Assert.Equal(settings, Settings());
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM generate_series(1, 1) UNION ALL SELECT 0 LIMIT 1"));
        Assert.Equal([[1L]], await Rows("SELECT id FROM s.t"));
    }

    [Theory]
    [MemberData(nameof(NotLineEnds))]
    public async Task A_comment_goes_on_past_characters_that_do_not_end_a_line_for_DuckDB(string separator)
    {
        var sql = $"SELECT 1 --{separator}; {Payloads[0]}; {Payloads[4]}; SELECT 2 --\n AS y"
            .Replace("{W}", Warehouse, StringComparison.Ordinal);
        var files = DataTree.Hash(DataFolder);

        var results = await Service.ExecuteAsync(sql, Request());

        var result = Assert.Single(results);
        Assert.Equal("y", Assert.Single(result.Columns).Name);
        Assert.Equal([[1]], result.Rows);
        Assert.Equal(files, DataTree.Hash(DataFolder));
    }

    [Fact]
    public async Task A_refused_statement_is_refused_every_time_it_is_sent_and_an_allowed_one_still_runs()
    {
        // The parser check remembers texts that passed; a refusal must never be remembered as a pass.
        var smuggled = $"SELECT 1 --\r; {Payloads[0]}; SELECT 2 --\n AS y".Replace("{W}", Warehouse, StringComparison.Ordinal);
        var files = DataTree.Hash(DataFolder);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal([[1L]], await Rows("SELECT id FROM s.t"));
            // Remembered literal-blind: the same shape with other values passes on the first's check.
            Assert.Equal([[1L]], await Rows($"SELECT id FROM s.t WHERE id <> {attempt + 2} AND 'x{attempt}' <> 'y'"));
            await Assert.ThrowsAsync<QueryFailedException>(() => Service.ExecuteAsync(smuggled, Request()));
            await Assert.ThrowsAsync<QueryFailedException>(() => Service.ExecuteAsync($"SELECT id FROM s.t WHERE id <> {attempt + 2} AND 'x{attempt}' <> 'y' --\r; {Payloads[0]}".Replace("{W}", Warehouse, StringComparison.Ordinal), Request()));
        }

        Assert.Equal(files, DataTree.Hash(DataFolder));
    }

    [Fact]
    public async Task Statements_inside_strings_and_dollar_quotes_are_text_not_statements()
    {
        var files = DataTree.Hash(DataFolder);

        var rows = await Rows($"SELECT $$; {Payloads[0]}; $$ AS a, '--'';{Payloads[2]}' AS b");

        Assert.Contains("COPY", (string)rows[0][0]!);
        Assert.Contains("SET GLOBAL", (string)rows[0][1]!);
        Assert.Equal(files, DataTree.Hash(DataFolder));
    }

    [Fact]
    public async Task The_configuration_is_locked_and_limited_to_the_sandbox_folders()
    {
        using var connection = Service.DuckDb.Connect();

        Assert.Equal(true, connection.ExecuteScalar("SELECT current_setting('lock_configuration')"));
        Assert.Equal(false, connection.ExecuteScalar("SELECT current_setting('enable_external_access')"));
        Assert.Equal("UTC", connection.ExecuteScalar("SELECT current_setting('TimeZone')"));
        // Delta data files never change, so their Parquet footers are kept between statements.
        Assert.Equal(true, connection.ExecuteScalar("SELECT current_setting('parquet_metadata_cache')"));
        var error = Assert.Throws<Engine.DuckDb.DuckDbException>(() => connection.Execute("SET threads = 1"));
        Assert.Contains("locked", error.DuckDbMessage);
    }

    private Dictionary<string, string?> Settings()
    {
        using var connection = Service.DuckDb.Connect();
        using var reader = connection.ExecuteReader("SELECT name, value FROM duckdb_settings() WHERE name NOT IN ('progress_bar_time')");
        var settings = new Dictionary<string, string?>();
        while (reader.Read())
        {
            settings[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return settings;
    }
}
