using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

public sealed class TableReferenceFinderTests
{
    private static IReadOnlyList<TableReference> Reads(string sql) =>
        TableReferenceFinder.FindReads(Assert.Single(SqlScript.Parse(sql).Statements));

    /// <summary>Each read as "name [@version] [alias]" for compact assertions.</summary>
    private static string[] Describe(string sql) =>
        Reads(sql).Select(r => r.Name + (r.TimeTravel?.Version is { } v ? "@" + v : "") + (r.Alias is null ? "" : " " + r.Alias)).ToArray();

    [Fact]
    public void Finds_tables_in_from_and_every_kind_of_join()
    {
        var reads = Describe("""
            SELECT * FROM s.a
            JOIN s.b ON a.id = b.id
            LEFT OUTER JOIN s.c c1 ON c1.id = a.id
            CROSS JOIN d
            NATURAL JOIN e AS ee
            ASOF JOIN f USING (ts)
            , g
            WHERE a.x > 1 AND a.y IS NOT DISTINCT FROM b.y AND c1.z IS DISTINCT FROM (SELECT z FROM s.h)
            """);

        Assert.Equal(["s.a", "s.b", "s.c c1", "d", "e ee", "f", "g", "s.h"], reads);
    }

    [Fact]
    public void Finds_tables_inside_subqueries_at_any_depth()
    {
        var reads = Describe("""
            SELECT (SELECT max(v) FROM s.scalar_src) AS m
            FROM (SELECT * FROM (SELECT * FROM s.deep) d1) d2
            WHERE id IN (SELECT id FROM s.in_src)
              AND EXISTS (SELECT 1 FROM s.exists_src e WHERE e.id = d2.id)
            """);

        Assert.Equal(["s.scalar_src", "s.deep", "s.in_src", "s.exists_src e"], reads);
    }

    [Fact]
    public void Cte_names_are_not_tables_but_tables_in_cte_bodies_are()
    {
        var reads = Describe("""
            WITH recent AS (SELECT * FROM s.orders WHERE d > '2024-01-01'),
                 totals AS (SELECT customer, sum(x) FROM recent GROUP BY customer)
            SELECT * FROM totals JOIN s.customers c ON c.id = totals.customer
            """);

        Assert.Equal(["s.orders", "s.customers c"], reads);
    }

    [Fact]
    public void A_non_recursive_cte_body_reading_its_own_name_reads_the_table()
    {
        Assert.Equal(["t"], Describe("WITH t AS (SELECT * FROM t) SELECT * FROM t"));
    }

    [Fact]
    public void A_recursive_cte_reading_itself_is_not_a_table()
    {
        Assert.Equal(["s.edges e"], Describe("""
            WITH RECURSIVE walk(n) AS (SELECT 1 UNION ALL SELECT e.dst FROM walk JOIN s.edges e ON e.src = walk.n)
            SELECT * FROM walk
            """));
    }

    [Fact]
    public void A_cte_inside_a_subquery_does_not_hide_a_table_of_that_name_outside_it()
    {
        Assert.Equal(["s.t", "x"], Describe("SELECT * FROM (WITH x AS (SELECT * FROM s.t) SELECT * FROM x) sub, x"));
    }

    [Fact]
    public void Finds_tables_on_both_sides_of_set_operations()
    {
        var reads = Describe("""
            SELECT id FROM s.a UNION ALL SELECT id FROM s.b
            INTERSECT (SELECT id FROM s.c) EXCEPT TABLE s.d UNION BY NAME FROM s.e
            """);

        Assert.Equal(["s.a", "s.b", "s.c", "s.d", "s.e"], reads);
    }

    [Fact]
    public void Finds_tables_in_lateral_joins_and_parenthesised_joins()
    {
        var reads = Describe("""
            SELECT * FROM s.a, LATERAL (SELECT * FROM s.b WHERE b.id = a.id) lb
            JOIN (s.c JOIN s.d ON c.id = d.id) ON true
            """);

        Assert.Equal(["s.a", "s.b", "s.c", "s.d"], reads);
    }

    [Fact]
    public void Table_functions_file_paths_and_column_references_are_not_tables()
    {
        var reads = Describe("""
            SELECT t.a, s.t.b, extract(year FROM t.d), substring(t.s FROM 2 FOR 3), trim(BOTH 'x' FROM t.s)
            FROM read_parquet('/x/*.parquet') p, s.t, range(10) r(i), 'data.csv', unnest([1, 2]) WITH ORDINALITY AS u(v, n)
            """);

        Assert.Equal(["s.t"], reads);
    }

    [Fact]
    public void Quoted_names_keep_their_exact_spelling()
    {
        var reference = Assert.Single(Reads("SELECT * FROM \"My Schema\".\"Weird \"\"Name\"\"\" AS \"The Alias\""));

        Assert.Equal(["My Schema", "Weird \"Name\""], reference.Name.Parts);
        Assert.Equal("The Alias", reference.Alias);
    }

    [Fact]
    public void Backtick_and_three_part_names_are_read()
    {
        Assert.Equal(["lake.s.t", "s.u"], Describe("SELECT * FROM lake.s.t JOIN `s`.`u` ON true"));
    }

    [Fact]
    public void Aliases_with_and_without_as_and_column_aliases_are_read()
    {
        Assert.Equal(["s.a x", "s.b y", "s.c z"], Describe("SELECT * FROM s.a x, s.b AS y, s.c AS z(c1, c2)"));
    }

    [Fact]
    public void The_span_covers_the_name_and_the_time_travel_clause()
    {
        const string sql = "SELECT * FROM s.t VERSION AS OF 3 AS a WHERE 1 = 1";
        var reference = Assert.Single(Reads(sql));

        Assert.Equal("s.t VERSION AS OF 3", reference.Span.TextIn(sql));
        Assert.Equal((1, 15), (reference.Span.Line, reference.Span.Column));
    }

    [Fact]
    public void Finds_tables_read_by_dml_but_not_the_target()
    {
        Assert.Equal(["s.src"], Describe("INSERT INTO s.t SELECT * FROM s.src"));
        Assert.Equal(["s.src"], Describe("INSERT INTO s.t (a, b) SELECT a, b FROM s.src ON CONFLICT DO UPDATE SET a = 1, b = 2"));
        Assert.Equal(["s.other o", "s.third"], Describe("DELETE FROM s.t USING s.other o WHERE t.id = o.id AND t.x IN (SELECT x FROM s.third)"));
        Assert.Equal(["s.src"], Describe("UPDATE s.t SET a = src.a, b = 2 FROM s.src WHERE t.id = src.id"));
        Assert.Equal(["s.src x"], Describe("""
            MERGE INTO s.t USING s.src VERSION AS OF 2 x ON t.id = x.id
            WHEN MATCHED THEN UPDATE SET v = x.v, w = 1
            WHEN NOT MATCHED THEN INSERT (id, v) VALUES (x.id, x.v)
            """).Select(r => r.Replace("@2", "")).ToArray());
        Assert.Equal(["s.src"], Describe("CREATE TABLE s.t AS SELECT * FROM s.src"));
        Assert.Equal(["s.src"], Describe("EXPLAIN ANALYZE SELECT * FROM s.src"));
    }

    [Fact]
    public void A_with_clause_before_dml_is_searched_and_its_names_are_not_tables()
    {
        var reads = Describe("WITH c AS (SELECT id FROM s.src) DELETE FROM s.t WHERE id IN (SELECT id FROM c)");

        Assert.Equal(["s.src"], reads);
    }

    [Theory]
    [InlineData("DROP TABLE s.t")]
    [InlineData("ALTER TABLE s.t ADD COLUMN c INT")]
    [InlineData("DESCRIBE s.t")]
    [InlineData("OPTIMIZE s.t")]
    [InlineData("SHOW TABLES FROM s")]
    [InlineData("CREATE TABLE s.t (a INT)")]
    [InlineData("DELETE FROM s.t")]
    public void Statements_that_only_name_a_target_read_nothing(string sql)
    {
        Assert.Empty(Reads(sql));
    }

    [Fact]
    public void Two_versions_of_one_table_are_two_references()
    {
        var reads = Reads("SELECT * FROM s.t VERSION AS OF 1 a JOIN s.t VERSION AS OF 2 b ON a.id = b.id");

        Assert.Equal([(1L, "a"), (2L, "b")], reads.Select(r => (r.TimeTravel!.Version!.Value, r.Alias!)));
    }
}
