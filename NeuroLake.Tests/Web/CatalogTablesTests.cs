using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Tests.Web;

public sealed class CatalogTablesTests
{
    [Fact]
    public async Task Before_the_first_query_there_is_nothing_to_complete()
    {
        await using var app = new WorkbenchAppFactory();
        var tables = app.Services.GetRequiredService<CatalogTables>();

        Assert.Empty(await tables.CompletionsAsync("tester"));
        Assert.Empty(await tables.ListAsync("tester"));
    }

    [Fact]
    public async Task Completions_list_schemas_even_without_tables_and_each_tables_columns_in_order()
    {
        await using var app = new WorkbenchAppFactory();
        var queries = app.Services.GetRequiredService<QueryService>();
        await queries.ExecuteAsync(
            "CREATE SCHEMA sales; CREATE SCHEMA empty_one; CREATE TABLE sales.orders (id INT, customer VARCHAR, amount DOUBLE)",
            new QueryRequest("tester"));

        var completions = await app.Services.GetRequiredService<CatalogTables>().CompletionsAsync("tester");

        Assert.Empty(completions["empty_one"]);
        Assert.Equal(["id", "customer", "amount"], completions["sales"]["orders"]);
        var table = Assert.Single(await app.Services.GetRequiredService<CatalogTables>().ListAsync("tester"));
        Assert.Equal("sales.orders", $"{table.Path.Schema}.{table.Path.Table}");
    }
}
