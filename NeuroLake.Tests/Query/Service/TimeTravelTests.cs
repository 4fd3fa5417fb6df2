using System.Globalization;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed partial class TimeTravelTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    // Versions: 0 empty, 1 = {1}, 2 = {1, 2}, 3 = {1, 2, 3}.
    private Task ThreeInserts() => Run("""
        CREATE SCHEMA s;
        CREATE TABLE s.t (id INTEGER);
        INSERT INTO s.t VALUES (1);
        INSERT INTO s.t VALUES (2);
        INSERT INTO s.t VALUES (3);
        """);

    /// <summary>When the version was committed, as a UTC timestamp literal.</summary>
    private async Task<string> CommitTimeOf(long version)
    {
        var history = (await Run("DESCRIBE HISTORY s.t"))[0].Rows;
        var committed = (DateTimeOffset)history.Single(r => (long)r[0]! == version)[1]!;
        return committed.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM s.t VERSION AS OF 1")]
    [InlineData("SELECT count(*) FROM s.t AT (VERSION => 1)")]
    public async Task A_version_clause_reads_the_rows_of_that_version(string sql)
    {
        await ThreeInserts();

        var result = (await Run(sql))[0];

        Assert.Equal([[1L]], result.Rows);
        Assert.Equal([new TableVersion("s", "t", 1)], result.TablesRead);
    }

    [Fact]
    public async Task Two_versions_of_one_table_join_in_one_query()
    {
        await ThreeInserts();

        var result = (await Run("""
            SELECT n.id FROM s.t AS n LEFT JOIN s.t VERSION AS OF 2 AS o ON n.id = o.id WHERE o.id IS NULL
            """))[0];

        Assert.Equal([[3]], result.Rows);
        Assert.Equal([new TableVersion("s", "t", 3), new TableVersion("s", "t", 2)], result.TablesRead);
    }

    [Fact]
    public async Task Time_travel_works_inside_ctes_and_subqueries()
    {
        await ThreeInserts();

        var rows = await Rows("""
            WITH old AS (SELECT id FROM s.t VERSION AS OF 1)
            SELECT (SELECT count(*) FROM old), (SELECT max(id) FROM (SELECT id FROM s.t AT (VERSION => 2)) AS sub), (SELECT count(*) FROM s.t)
            """);

        Assert.Equal([[1L, 2, 3L]], rows);
    }

    [Fact]
    public async Task A_timestamp_clause_reads_the_version_current_at_that_time()
    {
        await ThreeInserts();
        var literal = await CommitTimeOf(2);

        var spark = (await Run($"SELECT count(*) FROM s.t TIMESTAMP AS OF '{literal}'"))[0];
        var duck = (await Run($"SELECT count(*) FROM s.t AT (TIMESTAMP => TIMESTAMP '{literal}')"))[0];

        Assert.Equal([[2L]], spark.Rows);
        Assert.Equal([new TableVersion("s", "t", 2)], spark.TablesRead);
        Assert.Equal([[2L]], duck.Rows);
    }

    [Fact]
    public async Task A_version_that_does_not_exist_fails_naming_the_statement()
    {
        await ThreeInserts();

        var error = await Fails("SELECT 1;\nSELECT * FROM s.t VERSION AS OF 9");

        Assert.Equal((1, 2), (error.StatementIndex, error.Line));
        Assert.Contains("9", error.Reason);
    }
}
