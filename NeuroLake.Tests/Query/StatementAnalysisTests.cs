using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class StatementAnalysisTests
{
    private static StatementAnalysis Analyze(string sql) => StatementAnalysis.Of(Assert.Single(SqlScript.Parse(sql).Statements));

    [Fact]
    public void A_merge_reports_its_target_apart_from_what_it_reads()
    {
        var analysis = Analyze("MERGE INTO s.t tgt USING s.src VERSION AS OF 4 src ON tgt.id = src.id WHEN MATCHED THEN DELETE");

        Assert.Equal(StatementKind.Merge, analysis.Kind);
        Assert.Equal("s.t", analysis.WriteTarget?.ToString());
        var read = Assert.Single(analysis.Reads);
        Assert.Equal(("s.src", 4L), (read.Name.ToString(), read.TimeTravel!.Version!.Value));
    }

    [Fact]
    public void Inspections_have_a_target_but_write_nothing()
    {
        var analysis = Analyze("DESCRIBE HISTORY s.t");

        Assert.Null(analysis.WriteTarget);
        Assert.Equal("s.t", analysis.Classification.Target?.ToString());
    }

    [Fact]
    public void Table_functions_and_file_paths_are_reported_for_the_sandbox_but_not_as_tables()
    {
        var analysis = Analyze("SELECT * FROM read_csv('/etc/passwd') JOIN '/tmp/x.parquet' ON true, s.t");

        Assert.Equal(["s.t"], analysis.Reads.Select(r => r.Name.ToString()));
        Assert.Equal(
            [(ExternalRelationKind.TableFunction, "read_csv"), (ExternalRelationKind.FilePath, "/tmp/x.parquet")],
            analysis.ExternalReads.Select(e => (e.Kind, e.Name)));
        Assert.Equal("read_csv('/etc/passwd')", analysis.ExternalReads[0].Span.TextIn(analysis.Statement.Source));
    }

    [Fact]
    public void A_table_function_hidden_in_a_subquery_is_reported()
    {
        var analysis = Analyze("SELECT * FROM s.t WHERE id IN (SELECT id FROM main.read_text('/etc/hosts'))");

        Assert.Equal("main.read_text", Assert.Single(analysis.ExternalReads).Name);
    }

    [Fact]
    public void Rewrite_replaces_the_reads_it_found()
    {
        var analysis = Analyze("SELECT * FROM s.a JOIN s.b USING (id)");

        Assert.Equal("SELECT * FROM rel_a AS \"a\" JOIN rel_b AS \"b\" USING (id)", analysis.Rewrite(r => "rel_" + r.Name.Name));
    }

    [Theory]
    [InlineData("SELECT * FROM sales.orders", "sales", "orders")]
    [InlineData("SELECT * FROM orders", "main_schema", "orders")]
    [InlineData("SELECT * FROM \"Sales\".`Orders`", "Sales", "Orders")]
    public void A_reference_resolves_to_schema_and_table_with_the_default_schema_for_bare_names(string sql, string schema, string table)
    {
        var name = Assert.Single(Analyze(sql).Reads).Name.ToSchemaTable("main_schema");

        Assert.Equal(new SchemaTableName(schema, table), name);
        Assert.Equal($"\"{schema}\".\"{table}\"", name.ToSql());
    }

    [Fact]
    public void A_reference_breaking_the_identifier_rule_is_refused_with_its_position()
    {
        var reference = Assert.Single(Analyze("SELECT *\n  FROM \"my sales\".orders").Reads);

        var error = Assert.Throws<InvalidIdentifierException>(() => reference.Name.ToSchemaTable("main"));
        Assert.Contains("'my sales' is not a valid schema name at line 2, column 8", error.Message);
    }

    [Fact]
    public void A_three_part_name_is_refused()
    {
        var reference = Assert.Single(Analyze("SELECT * FROM lake.sales.orders").Reads);

        var error = Assert.Throws<SqlSyntaxException>(() => reference.Name.ToSchemaTable("main"));
        Assert.Contains("Name tables as schema.table", error.Message);
    }
}
