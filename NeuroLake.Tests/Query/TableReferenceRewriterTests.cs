using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class TableReferenceRewriterTests
{
    private static string Rewrite(string sql, Func<TableReference, string> resolve) =>
        TableReferenceRewriter.Rewrite(Assert.Single(SqlScript.Parse(sql).Statements), resolve);

    [Fact]
    public void A_reference_without_alias_gets_the_table_name_as_alias_so_qualified_columns_still_work()
    {
        Assert.Equal(
            "SELECT t.a FROM read_parquet(['f1.parquet']) AS \"t\" WHERE t.a > 1",
            Rewrite("SELECT t.a FROM s.t WHERE t.a > 1", _ => "read_parquet(['f1.parquet'])"));
    }

    [Fact]
    public void An_alias_after_the_time_travel_clause_is_kept_where_it_was()
    {
        Assert.Equal(
            "SELECT * FROM rel_3 AS x -- note\nWHERE x.a = 1",
            Rewrite("SELECT * FROM s.t VERSION AS OF 3 AS x -- note\nWHERE x.a = 1", r => "rel_" + r.TimeTravel!.Version));
    }

    [Fact]
    public void An_alias_before_the_time_travel_clause_is_repeated_after_the_relation()
    {
        Assert.Equal(
            "SELECT * FROM rel_3 AS \"x\" JOIN rel_4 AS \"y\" ON true",
            Rewrite("SELECT * FROM s.t x VERSION AS OF 3 JOIN s.t AS y AT (VERSION => 4) ON true", r => "rel_" + r.TimeTravel!.Version));
    }

    [Fact]
    public void Only_reads_are_replaced_and_targets_are_left_alone()
    {
        Assert.Equal(
            "INSERT INTO s.t SELECT * FROM src_rel AS \"src\"",
            Rewrite("INSERT INTO s.t SELECT * FROM s.src", _ => "src_rel"));
    }

    [Fact]
    public void A_self_join_of_two_versions_runs_in_duckdb()
    {
        using var tables = new VersionedTables();

        var rows = tables.Run("""
            SELECT coalesce(a.id, b.id) AS id, a.v AS before, b.v AS after
            FROM s.t VERSION AS OF 1 a
            FULL JOIN s.t AT (VERSION => 2) AS b ON a.id = b.id
            WHERE a.v IS DISTINCT FROM b.v
            ORDER BY id
            """, out _);

        Assert.Equal(["2|20|25", "3|30|NULL", "4|NULL|40"], rows);
    }

    [Fact]
    public void Versions_inside_a_cte_run_in_duckdb_and_the_cte_name_is_not_resolved()
    {
        using var tables = new VersionedTables();

        var rows = tables.Run("""
            WITH removed AS (SELECT id FROM s.t VERSION AS OF 1 EXCEPT SELECT id FROM s.t),
                 added AS (SELECT id FROM s.t EXCEPT SELECT id FROM s.t@v1)
            SELECT 'removed', id FROM removed UNION ALL SELECT 'added', id FROM added ORDER BY 1, 2
            """, out var rewritten);

        Assert.Equal(["added|4", "removed|3"], rows);
        Assert.Contains("FROM removed UNION", rewritten);
    }

    [Fact]
    public void A_subquery_reading_an_old_version_by_timestamp_runs_in_duckdb()
    {
        using var tables = new VersionedTables();

        var rows = tables.Run("""
            SELECT t.id, t.v FROM s.t
            WHERE t.id IN (SELECT id FROM s.t TIMESTAMP AS OF '2024-01-15 12:00:00' WHERE v >= 20)
            ORDER BY t.id
            """, out _);

        Assert.Equal(["2|25"], rows);
    }

    [Fact]
    public void Table_statements_and_set_operations_run_in_duckdb()
    {
        using var tables = new VersionedTables();

        var rows = tables.Run("TABLE s.t VERSION AS OF 1 EXCEPT TABLE s.t ORDER BY id", out var rewritten);

        Assert.Equal(["2|20", "3|30"], rows);
        Assert.StartsWith("SELECT * FROM (SELECT * FROM t_v1) AS \"t\" EXCEPT SELECT * FROM", rewritten);
    }

    [Fact]
    public void Quoted_names_written_against_keywords_still_run_in_duckdb()
    {
        using var tables = new VersionedTables();

        var rows = tables.Run("SELECT count(*) FROM\"s\".\"t\"WHERE\"t\".id > 1", out _);

        Assert.Equal(["2"], rows);
    }

    [Fact]
    public void Dml_reading_an_old_version_runs_in_duckdb_against_the_untouched_target()
    {
        using var tables = new VersionedTables();
        tables.Connection.Execute("CREATE SCHEMA s; CREATE TABLE s.archive (id INT, v INT)");

        tables.Run("INSERT INTO s.archive SELECT * FROM s.t VERSION AS OF 1 old WHERE old.id NOT IN (SELECT id FROM s.t)", out _);

        Assert.Equal(["3|30"], tables.Rows("SELECT * FROM s.archive"));
    }

    [Fact]
    public void Merge_and_delete_reading_versions_through_using_run_in_duckdb()
    {
        using var tables = new VersionedTables();
        tables.Connection.Execute("CREATE SCHEMA s; CREATE TABLE s.archive (id INT, v INT)");

        tables.Run("""
            MERGE INTO s.archive a USING s.t VERSION AS OF 1 src ON a.id = src.id
            WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.v)
            """, out _);
        tables.Run("DELETE FROM s.archive USING s.t AT (VERSION => 2) cur WHERE archive.id = cur.id AND archive.v = cur.v", out _);

        Assert.Equal(["2|20", "3|30"], tables.Rows("SELECT * FROM s.archive ORDER BY id"));
    }

    [Fact]
    public void Update_from_an_old_version_runs_in_duckdb()
    {
        using var tables = new VersionedTables();
        tables.Connection.Execute("CREATE SCHEMA s; CREATE TABLE s.current AS SELECT * FROM t_v2");

        tables.Run("UPDATE s.current SET v = old.v FROM s.t TIMESTAMP AS OF '2024-01-01' AS old WHERE current.id = old.id", out var rewritten);

        Assert.Equal(["1|10", "2|20", "4|40"], tables.Rows("SELECT * FROM s.current ORDER BY id"));
        Assert.StartsWith("UPDATE s.current SET v = old.v FROM (SELECT * FROM t_v1) AS old WHERE", rewritten);
    }
}
