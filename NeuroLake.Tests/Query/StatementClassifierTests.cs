using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class StatementClassifierTests
{
    private static StatementClassification Classify(string sql) =>
        StatementClassifier.Classify(Assert.Single(SqlScript.Parse(sql).Statements));

    [Theory]
    [InlineData("SELECT 1", StatementKind.Query)]
    [InlineData("select * from s.t", StatementKind.Query)]
    [InlineData("WITH c AS (SELECT 1) SELECT * FROM c", StatementKind.Query)]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r", StatementKind.Query)]
    [InlineData("VALUES (1, 'a'), (2, 'b')", StatementKind.Query)]
    [InlineData("TABLE s.t", StatementKind.Query)]
    [InlineData("FROM s.t SELECT a", StatementKind.Query)]
    [InlineData("((SELECT 1) UNION (SELECT 2))", StatementKind.Query)]
    [InlineData("(WITH c AS (SELECT 1) SELECT * FROM c)", StatementKind.Query)]
    [InlineData("EXPLAIN SELECT 1", StatementKind.Explain)]
    [InlineData("explain analyze select 1", StatementKind.ExplainAnalyze)]
    [InlineData("EXPLAIN (FORMAT json, ANALYZE) SELECT 1", StatementKind.ExplainAnalyze)]
    [InlineData("CREATE SCHEMA sales", StatementKind.CreateSchema)]
    [InlineData("CREATE SCHEMA IF NOT EXISTS sales", StatementKind.CreateSchema)]
    [InlineData("CREATE TABLE s.t (id INT, name VARCHAR) USING DELTA PARTITIONED BY (id) COMMENT 'x' TBLPROPERTIES ('a' = 'b')", StatementKind.CreateTable)]
    [InlineData("CREATE TABLE s.t (id INT, doubled INT AS (id * 2))", StatementKind.CreateTable)]
    [InlineData("CREATE OR REPLACE TABLE s.t AS SELECT * FROM s.u", StatementKind.CreateTableAsSelect)]
    [InlineData("CREATE TABLE IF NOT EXISTS s.t USING DELTA PARTITIONED BY (d) AS (SELECT 1 AS d)", StatementKind.CreateTableAsSelect)]
    [InlineData("CREATE TABLE s.ext USING DELTA LOCATION '/data/ext'", StatementKind.CreateExternalTable)]
    [InlineData("INSERT INTO s.t VALUES (1)", StatementKind.Insert)]
    [InlineData("INSERT INTO TABLE s.t SELECT * FROM s.u", StatementKind.Insert)]
    [InlineData("INSERT OR REPLACE INTO s.t SELECT 1", StatementKind.Insert)]
    [InlineData("INSERT OVERWRITE TABLE s.t SELECT * FROM s.u", StatementKind.InsertOverwrite)]
    [InlineData("DELETE FROM s.t WHERE id = 1", StatementKind.Delete)]
    [InlineData("UPDATE s.t SET a = 1 WHERE id = 2", StatementKind.Update)]
    [InlineData("MERGE INTO s.t AS t USING s.u AS u ON t.id = u.id WHEN MATCHED THEN DELETE", StatementKind.Merge)]
    [InlineData("ALTER TABLE s.t ADD COLUMN c INT", StatementKind.AlterTable)]
    [InlineData("DROP TABLE IF EXISTS s.t", StatementKind.DropTable)]
    [InlineData("DROP SCHEMA s", StatementKind.DropSchema)]
    [InlineData("OPTIMIZE s.t ZORDER BY (a, b)", StatementKind.Optimize)]
    [InlineData("VACUUM s.t RETAIN 168 HOURS DRY RUN", StatementKind.Vacuum)]
    [InlineData("RESTORE TABLE s.t TO VERSION AS OF 3", StatementKind.RestoreTable)]
    [InlineData("DESCRIBE s.t", StatementKind.Describe)]
    [InlineData("DESC TABLE s.t", StatementKind.Describe)]
    [InlineData("DESCRIBE SELECT 1 AS x", StatementKind.Describe)]
    [InlineData("DESCRIBE DETAIL s.t", StatementKind.DescribeDetail)]
    [InlineData("DESCRIBE HISTORY s.t", StatementKind.DescribeHistory)]
    [InlineData("DESCRIBE history", StatementKind.Describe)]
    [InlineData("SHOW SCHEMAS", StatementKind.ShowSchemas)]
    [InlineData("SHOW TABLES", StatementKind.ShowTables)]
    [InlineData("SHOW TABLES IN sales", StatementKind.ShowTables)]
    [InlineData("CREATE VIEW v AS SELECT 1", StatementKind.Unknown)]
    [InlineData("BEGIN TRANSACTION", StatementKind.Unknown)]
    [InlineData("VACUUM", StatementKind.Unknown)]
    [InlineData("42", StatementKind.Unknown)]
    public void Classifies_each_statement_kind(string sql, StatementKind expected)
    {
        Assert.Equal(expected, Classify(sql).Kind);
    }

    [Theory]
    [InlineData("WITH c AS (SELECT 1 AS id) INSERT INTO s.t SELECT * FROM c", StatementKind.Insert)]
    [InlineData("WITH c AS (SELECT 1 AS id), d AS (SELECT 2) DELETE FROM s.t WHERE id IN (SELECT id FROM c)", StatementKind.Delete)]
    [InlineData("WITH RECURSIVE c(n) AS (SELECT 1) UPDATE s.t SET a = 1", StatementKind.Update)]
    [InlineData("with c as materialized (select 1 as id) merge into s.t using c on s.t.id = c.id when matched then delete", StatementKind.Merge)]
    public void A_with_clause_before_dml_classifies_as_the_dml(string sql, StatementKind expected)
    {
        var classification = Classify(sql);

        Assert.Equal(expected, classification.Kind);
        Assert.Equal(["s", "t"], classification.Target!.Parts);
    }

    [Theory]
    [InlineData("-- a comment\nSELECT 1")]
    [InlineData("/* a /* nested */ comment */ SELECT 1")]
    [InlineData("  \n  -- one\n  /* two */\n  ( SELECT 1 )")]
    public void Leading_comments_and_parentheses_do_not_hide_the_statement(string sql)
    {
        Assert.Equal(StatementKind.Query, Classify(sql).Kind);
    }

    [Theory]
    [InlineData("INSTALL httpfs", "INSTALL")]
    [InlineData("FORCE INSTALL httpfs", "FORCE INSTALL")]
    [InlineData("LOAD httpfs", "LOAD")]
    [InlineData("UPDATE EXTENSIONS", "UPDATE EXTENSIONS")]
    [InlineData("ATTACH 'other.db' AS other", "ATTACH")]
    [InlineData("DETACH other", "DETACH")]
    [InlineData("COPY s.t TO '/tmp/out.csv'", "COPY")]
    [InlineData("COPY (SELECT 1) TO '/tmp/out.parquet' (FORMAT parquet)", "COPY")]
    [InlineData("EXPORT DATABASE '/tmp/dump'", "EXPORT DATABASE")]
    [InlineData("IMPORT DATABASE '/tmp/dump'", "IMPORT DATABASE")]
    [InlineData("SET enable_external_access = true", "SET")]
    [InlineData("set threads to 64", "SET")]
    [InlineData("RESET lock_configuration", "RESET")]
    [InlineData("PRAGMA enable_profiling", "PRAGMA")]
    [InlineData("CALL read_csv('/etc/passwd')", "CALL")]
    [InlineData("CHECKPOINT", "CHECKPOINT")]
    [InlineData("USE other", "USE")]
    [InlineData("CREATE SECRET s3 (TYPE s3, KEY_ID 'x')", "CREATE SECRET")]
    [InlineData("CREATE OR REPLACE PERSISTENT SECRET s3 (TYPE s3)", "CREATE SECRET")]
    [InlineData("DROP SECRET s3", "DROP SECRET")]
    [InlineData("/* sneaky */ ATTACH 'x.db'", "ATTACH")]
    [InlineData("EXPLAIN ANALYZE COPY (SELECT 1) TO 'x.csv'", "COPY")]
    public void Statements_the_sandbox_refuses_are_forbidden_with_a_reason(string sql, string keyword)
    {
        var statement = Assert.Single(SqlScript.Parse(sql).Statements);
        var classification = StatementClassifier.Classify(statement);

        Assert.Equal(StatementKind.Forbidden, classification.Kind);
        Assert.Equal(keyword, classification.RefusedKeyword);
        var error = Assert.Throws<ForbiddenStatementException>(() => classification.EnsureAllowed(statement));
        Assert.StartsWith($"{keyword} is not allowed", error.Message);
        Assert.Contains("line 1, column", error.Message);
    }

    [Theory]
    [InlineData("SET VARIABLE x = 1")]
    [InlineData("SELECT 1")]
    [InlineData("UPDATE s.t SET extensions = 1")]
    public void Statements_that_touch_no_configuration_are_allowed(string sql)
    {
        var statement = Assert.Single(SqlScript.Parse(sql).Statements);

        StatementClassifier.Classify(statement).EnsureAllowed(statement);
        Assert.NotEqual(StatementKind.Forbidden, StatementClassifier.Classify(statement).Kind);
    }

    [Theory]
    [InlineData("INSERT INTO s.t SELECT 1", "s.t")]
    [InlineData("INSERT OVERWRITE s.t SELECT 1", "s.t")]
    [InlineData("DELETE FROM \"My Schema\".\"T\" WHERE 1 = 1", "My Schema.T")]
    [InlineData("UPDATE s.t AS x SET a = 1", "s.t")]
    [InlineData("MERGE INTO s.t USING s.u ON true WHEN MATCHED THEN DELETE", "s.t")]
    [InlineData("CREATE TABLE IF NOT EXISTS s.t (a INT)", "s.t")]
    [InlineData("CREATE TABLE s.t AS SELECT 1", "s.t")]
    [InlineData("DROP TABLE IF EXISTS `s`.`t`", "s.t")]
    [InlineData("OPTIMIZE s.t", "s.t")]
    [InlineData("VACUUM t", "t")]
    [InlineData("RESTORE s.t TO TIMESTAMP AS OF '2024-01-01'", "s.t")]
    [InlineData("DESCRIBE HISTORY s.t", "s.t")]
    [InlineData("ALTER TABLE IF EXISTS s.t SET TBLPROPERTIES ('a' = 'b')", "s.t")]
    [InlineData("CREATE SCHEMA IF NOT EXISTS sales", "sales")]
    [InlineData("EXPLAIN INSERT INTO s.t SELECT 1", "s.t")]
    public void Reports_the_target_table(string sql, string target)
    {
        Assert.Equal(target, Classify(sql).Target?.ToString());
    }

    [Fact]
    public void Reports_aliases_of_dml_targets()
    {
        Assert.Equal("x", Classify("UPDATE s.t x SET a = 1").TargetAlias);
        Assert.Equal("tgt", Classify("MERGE INTO s.t AS tgt USING s.u src ON tgt.id = src.id WHEN MATCHED THEN DELETE").TargetAlias);
        Assert.Null(Classify("DELETE FROM s.t WHERE a = 1").TargetAlias);
    }

    [Fact]
    public void An_external_table_reports_its_location()
    {
        var classification = Classify("CREATE TABLE s.ext USING DELTA LOCATION '/lake/it''s here'");

        Assert.Equal("/lake/it's here", classification.Location);
        Assert.Equal("s.ext", classification.Target?.ToString());
    }

    [Fact]
    public void Restore_reports_the_version_to_restore()
    {
        Assert.Equal(7, Classify("RESTORE TABLE s.t TO VERSION AS OF 7").RestoreTo?.Version);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Classify("RESTORE s.t TIMESTAMP AS OF '2024-01-02 03:04:05'").RestoreTo?.Timestamp);
    }

    [Fact]
    public void Restore_without_a_version_says_how_to_write_one()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => Classify("RESTORE TABLE s.t"));

        Assert.Contains("RESTORE TABLE sales.orders TO VERSION AS OF 3", error.Message);
    }

    [Fact]
    public void Explain_keeps_the_explained_statement()
    {
        var classification = Classify("EXPLAIN ANALYZE DELETE FROM s.t");

        Assert.Equal(StatementKind.ExplainAnalyze, classification.Kind);
        Assert.Equal(StatementKind.Delete, classification.Explained?.Kind);
    }

    [Fact]
    public void Show_tables_reports_the_schema()
    {
        Assert.Equal("sales", Classify("SHOW TABLES FROM sales").Target?.ToString());
        Assert.Null(Classify("SHOW TABLES").Target);
    }

    [Fact]
    public void Create_table_as_select_with_a_location_is_a_ctas_that_keeps_the_location()
    {
        var classification = Classify("CREATE TABLE s.t USING DELTA LOCATION '/lake/t' AS SELECT 1 AS a");

        Assert.Equal(StatementKind.CreateTableAsSelect, classification.Kind);
        Assert.Equal("/lake/t", classification.Location);
    }

    [Theory]
    [InlineData("INSERT INTO s.t VERSION AS OF 3 SELECT 1", "INSERT cannot write to an old version of s.t", 17)]
    [InlineData("DELETE FROM s.t AT (VERSION => 3) WHERE a = 1", "DELETE cannot write to an old version of s.t", 17)]
    [InlineData("UPDATE s.t TIMESTAMP AS OF '2024-01-01' SET a = 1", "UPDATE cannot write to an old version of s.t", 12)]
    [InlineData("MERGE INTO s.t@v2 USING s.u ON true WHEN MATCHED THEN DELETE", "MERGE cannot write to an old version of s.t", 15)]
    public void Time_travel_on_a_write_target_is_refused(string sql, string problem, int column)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => Classify(sql));

        Assert.Contains(problem, error.Message);
        Assert.Contains("RESTORE TABLE", error.Message);
        Assert.Equal(column, error.Column);
    }
}
