using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Query.Pii;

public sealed class ResultPiiTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    [Theory]
    [InlineData("SELECT * FROM s.people", "email:email,name:,phone:phone_number")]
    [InlineData("SELECT email AS contact, upper(name) AS name FROM s.people", "contact:email,name:")]
    [InlineData("SELECT lower(email) AS email, phone || '' AS p FROM s.people", "email:,p:")]
    [InlineData("SELECT p.phone, o.amount FROM s.people AS p JOIN s.orders AS o ON p.email = o.buyer", "phone:phone_number,amount:")]
    [InlineData("SELECT o.*, p.email FROM s.people p, s.orders o WHERE p.email = o.buyer", "buyer:,amount:,email:email")]
    [InlineData("TABLE s.people", "email:email,name:,phone:phone_number")]
    [InlineData("SELECT count(*) AS email FROM s.people", "email:")]
    public async Task Result_columns_carry_the_pii_type_of_the_catalog_column_they_come_from(string sql, string expected)
    {
        await CreatePeopleAsync();

        var columns = (await Run(sql))[0].Columns;

        Assert.Equal(expected, string.Join(",", columns.Select(c => $"{c.Name}:{c.PiiType}")));
    }

    [Theory]
    [InlineData("WITH x AS (SELECT email FROM s.people) SELECT email FROM x", "email:email")]
    [InlineData("SELECT email FROM s.people UNION ALL SELECT buyer FROM s.orders", "email:email")]
    public async Task Where_the_tree_cannot_trace_a_column_it_is_flagged_by_name_to_err_towards_masking(string sql, string expected)
    {
        await CreatePeopleAsync();

        var columns = (await Run(sql))[0].Columns;

        Assert.Equal(expected, string.Join(",", columns.Select(c => $"{c.Name}:{c.PiiType}")));
    }

    [Fact]
    public async Task Tables_without_pii_leave_every_column_unflagged()
    {
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 'a@b.c' AS email");

        Assert.All((await Run("SELECT * FROM s.t"))[0].Columns, c => Assert.Null(c.PiiType));
    }

    private async Task CreatePeopleAsync()
    {
        await Run("""
            CREATE SCHEMA s;
            CREATE TABLE s.people AS SELECT 'ana@example.com' AS email, 'Ana' AS name, '+4930123456' AS phone;
            CREATE TABLE s.orders AS SELECT 'ana@example.com' AS buyer, 10 AS amount;
            """);
        var people = SecurablePath.ForTable("main", "s", "people");
        await Catalog.ClassifyColumnAsync(people with { Column = "email" }, "email", new PiiClassification("email", 0.99, PiiSource.Detected));
        await Catalog.ClassifyColumnAsync(people with { Column = "phone" }, null, new PiiClassification("phone_number", 0.9, PiiSource.Manual));
    }
}
