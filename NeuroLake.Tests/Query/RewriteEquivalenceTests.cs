using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query;

/// <summary>
/// DuckDB runs each query twice: as written against a real table s.t, and rewritten so every s.t
/// reads the equivalent relation. The answers must match, whatever syntax surrounds the reference.
/// </summary>
public sealed class RewriteEquivalenceTests
{
    [Theory]
    [InlineData("SELECT * FROM s.t ORDER BY id")]
    [InlineData("SELECT t.id, t.v FROM s.t WHERE t.v > 10 ORDER BY t.id")]
    [InlineData("SELECT s.t.id FROM s.t ORDER BY 1")]
    [InlineData("SELECT S.T.id, \"s\".t.v FROM s.t ORDER BY 1")]
    [InlineData("FROM s.t SELECT id ORDER BY id")]
    [InlineData("FROM s.t")]
    [InlineData("TABLE s.t")]
    [InlineData("SELECT count(*) FROM s.t, s.t AS u WHERE t.id = u.id")]
    [InlineData("SELECT a.id FROM s.t a JOIN s.t b USING (id) JOIN s.t c ON c.id = b.id ORDER BY 1")]
    [InlineData("SELECT * FROM (s.t JOIN s.t AS u USING (id)) ORDER BY 1")]
    [InlineData("SELECT * FROM s.t x(a, b) ORDER BY a")]
    [InlineData("SELECT l.id, r.total FROM s.t l, LATERAL (SELECT sum(v) AS total FROM s.t WHERE t.id <= l.id) r ORDER BY 1")]
    [InlineData("WITH c AS (SELECT * FROM s.t WHERE v < 30) SELECT c.id FROM c JOIN s.t ON s.t.id = c.id ORDER BY 1")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT min(id) FROM s.t UNION ALL SELECT n + 1 FROM r WHERE n < (SELECT max(id) FROM s.t)) SELECT * FROM r")]
    [InlineData("SELECT id FROM s.t UNION SELECT id + 100 FROM s.t EXCEPT (SELECT id FROM s.t WHERE v = 10) ORDER BY 1")]
    [InlineData("SELECT id, (SELECT max(v) FROM s.t) - v FROM s.t WHERE EXISTS (SELECT 1 FROM s.t i WHERE i.id = t.id) ORDER BY id")]
    [InlineData("SELECT id, row_number() OVER (PARTITION BY v > 15 ORDER BY id) FROM s.t QUALIFY v IS DISTINCT FROM 10 ORDER BY id")]
    [InlineData("SELECT extract(year FROM DATE '2024-01-01') AS y, trim(BOTH 'x' FROM 'xax'), id FROM s.t ORDER BY id")]
    [InlineData("SELECT * FROM s.t /* a comment; with a semicolon */ -- and another\n WHERE id = 2")]
    [InlineData("SELECT \"t\".id FROM \"s\".\"t\" ORDER BY 1")]
    [InlineData("SELECT * FROM s.t PIVOT (sum(v) FOR id IN (1, 2))")]
    [InlineData("SELECT * FROM s.t, unnest([1, 2]) AS n(x) ORDER BY id, x")]
    [InlineData("SELECT id FROM s.t WHERE id IN (VALUES (1), (4)) ORDER BY id")]
    public void A_rewritten_query_answers_like_the_original(string sql)
    {
        using var tables = new VersionedTables();
        tables.Connection.Execute("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT * FROM t_v2");
        var expected = tables.Rows(sql);

        var actual = tables.Run(sql, out var rewritten);

        Assert.DoesNotContain("s.t", rewritten, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
        Assert.NotEmpty(actual);
    }
}
