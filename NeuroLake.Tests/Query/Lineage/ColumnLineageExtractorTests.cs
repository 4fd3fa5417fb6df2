using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Lineage;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Lineage;

/// <summary>
/// The extractor on its own, with the catalog's column lists given directly: the write forms beyond plain CTAS and
/// INSERT (MERGE, INSERT with a column list, UPDATE with an alias and FROM) and the failure modes.
/// </summary>
public sealed class ColumnLineageExtractorTests : IDisposable
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Tables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s.orders"] = ["id", "customer_id", "amount", "status"],
        ["s.customers"] = ["id", "name", "country"],
        ["s.customers_stage"] = ["id", "name", "country"],
        ["s.r"] = ["a", "b"],
        ["s.wide"] = ["a", "b", "c"],
    };

    private readonly DuckDbDatabase _duckDb = DuckDbDatabase.Open();

    [Fact]
    public void Merge_links_update_set_and_insert_values_through_the_target_alias_and_a_subquery_source()
    {
        var lineage = Extract("""
            MERGE INTO s.customers AS t
            USING (SELECT customer_id, status FROM s.orders) AS src ON t.id = src.customer_id
            WHEN MATCHED AND src.status = 'paid' THEN UPDATE SET name = upper(src.status) || t.name
            WHEN MATCHED THEN DELETE
            WHEN NOT MATCHED THEN INSERT (id, country) VALUES (src.customer_id, 'XX')
            WHEN NOT MATCHED BY SOURCE THEN UPDATE SET country = t.country || '?'
            """);

        Assert.Equal(
            ["name<-customers.name,orders.status", "id<-orders.customer_id", "country<-customers.country"],
            Lines(lineage));
        Assert.Empty(lineage.Unresolved);
    }

    [Fact]
    public void Merge_star_clauses_copy_source_columns_by_name_from_an_old_version()
    {
        var lineage = Extract("""
            MERGE INTO s.customers t USING s.customers_stage VERSION AS OF 2 AS st ON t.id = st.id
            WHEN MATCHED THEN UPDATE SET *
            WHEN NOT MATCHED THEN INSERT *
            """);

        Assert.Equal(["id<-customers_stage.id", "name<-customers_stage.name", "country<-customers_stage.country"], Lines(lineage));
    }

    [Fact]
    public void Merge_insert_values_without_a_column_list_maps_by_position()
    {
        var lineage = Extract("""
            MERGE INTO s.r USING s.orders o ON r.a = o.id
            WHEN NOT MATCHED THEN INSERT VALUES (o.id + o.customer_id, o.status)
            """);

        Assert.Equal(["a<-orders.customer_id,orders.id", "b<-orders.status"], Lines(lineage));
    }

    [Fact]
    public void Insert_with_a_column_list_maps_by_the_list()
    {
        var lineage = Extract("INSERT INTO s.r (b, a) SELECT name, id FROM s.customers");

        Assert.Equal(["b<-customers.name", "a<-customers.id"], Lines(lineage));
    }

    [Fact]
    public void Insert_by_name_maps_by_the_querys_column_names()
    {
        var lineage = Extract("INSERT INTO s.r BY NAME SELECT status AS b, id AS a FROM s.orders");

        Assert.Equal(["b<-orders.status", "a<-orders.id"], Lines(lineage));
    }

    [Fact]
    public void Update_with_an_alias_and_from_reads_the_joined_table()
    {
        var lineage = Extract("UPDATE s.customers AS c SET name = o.status || c.name FROM s.orders o WHERE o.customer_id = c.id");

        Assert.Equal(["name<-customers.name,orders.status"], Lines(lineage));
    }

    [Fact]
    public void Columns_regex_and_lambdas_are_followed()
    {
        var lineage = Extract("CREATE TABLE s.wide AS SELECT COLUMNS('^(customer_id|status)$'), list_transform([1, 2], x -> x + amount) AS scaled FROM s.orders");

        Assert.Equal(["a<-orders.customer_id", "b<-orders.status", "c<-orders.amount"], Lines(lineage));
        Assert.Empty(lineage.Unresolved);
    }

    [Fact]
    public void Names_the_catalog_does_not_know_are_reported_not_guessed()
    {
        var lineage = Extract("INSERT INTO s.wide SELECT ghost, name FROM s.customers");

        Assert.Equal(["a<-", "b<-customers.name"], Lines(lineage));
        Assert.Equal(["column ghost", "2 query columns for 3 target columns"], lineage.Unresolved);
    }

    [Fact]
    public void Sql_duckdb_cannot_parse_fails_with_duckdbs_message()
    {
        var error = Assert.Throws<LineageException>(() => Extract("INSERT INTO s.r SELECT FROM WHERE"));

        Assert.Contains("syntax error", error.Message);
    }

    [Fact]
    public void Statements_that_are_not_writes_are_refused()
    {
        var error = Assert.Throws<LineageException>(() => Extract("DELETE FROM s.r WHERE a = 1"));

        Assert.Contains("Delete", error.Message);
    }

    private StatementLineage Extract(string sql) =>
        new ColumnLineageExtractor(_duckDb).Extract(
            StatementAnalysis.Of(SqlScript.Parse(sql).Statements.Single()), "s", name => Tables.GetValueOrDefault(name.ToString()));

    private static IReadOnlyList<string> Lines(StatementLineage lineage) =>
        lineage.Columns.Select(c => $"{c.Column}<-{string.Join(',', c.Sources.Select(s => $"{s.Table}.{s.Column}").Order(StringComparer.Ordinal))}").ToList();

    public void Dispose() => _duckDb.Dispose();
}
