using NeuroLake.Tests.Catalog;

namespace NeuroLake.Tests.Query.Service;

public sealed class InspectionTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Fact]
    public async Task Show_schemas_and_show_tables_list_the_catalog()
    {
        var results = await Run("""
            CREATE SCHEMA b; CREATE SCHEMA a;
            CREATE TABLE a.y (x INTEGER); CREATE TABLE a.x (x INTEGER); CREATE TABLE b.z (x INTEGER);
            SHOW SCHEMAS;
            SHOW TABLES IN a;
            """);

        Assert.Equal([["a"], ["b"]], results[^2].Rows);
        Assert.Equal([["a", "x"], ["a", "y"]], results[^1].Rows);
        Assert.Equal(["schema", "table"], results[^1].Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Describe_history_lists_each_commit_newest_first_with_operation_user_and_metrics()
    {
        var result = (await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.t (x INTEGER);
            INSERT INTO s.t VALUES (1), (2);
            DESCRIBE HISTORY s.t;
            """))[^1];

        Assert.Equal(["version", "timestamp", "operation", "user", "metrics"], result.Columns.Select(c => c.Name));
        Assert.Equal([(1L, "WRITE", "ana"), (0L, "CREATE TABLE", "ana")], result.Rows.Select(r => ((long)r[0]!, (string)r[2]!, (string)r[3]!)));
        Assert.Contains("\"numOutputRows\":\"2\"", (string)result.Rows[0][4]!);
    }
}
