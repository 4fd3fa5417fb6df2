using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Query.Sandbox;

/// <summary>Issue 19's error cases: syntax errors say where, binder errors quote the user's SQL, no server paths.</summary>
public sealed class SqlErrorMessageTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1::BIGINT AS id");
    }

    [Fact]
    public async Task A_misspelt_keyword_is_a_syntax_error_with_line_and_column()
    {
        var error = await Fails("SELECT 1;\n  SELEC 1");

        var syntax = Assert.IsType<SqlSyntaxException>(error.InnerException);
        Assert.Equal(2, syntax.Line);
        Assert.Equal(3, syntax.Column);
        Assert.Contains("SELEC", error.Reason);
        Assert.DoesNotContain("unknown statement", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_binder_error_quotes_the_users_sql_not_the_rewrite()
    {
        var error = await Fails("SELECT id,\n       nope FROM s.t");

        Assert.Contains("nope", error.Reason);
        Assert.Contains("LINE 2:        nope FROM s.t", error.Reason);
        Assert.DoesNotContain("read_parquet", error.Reason);
        Assert.DoesNotContain(Warehouse, error.Message);
    }

    [Fact]
    public async Task Creating_a_table_that_exists_names_no_server_path()
    {
        var error = await Fails("CREATE TABLE s.t AS SELECT 2 AS id");

        Assert.DoesNotContain(Warehouse, error.Message);
        Assert.DoesNotContain(DataFolder, error.Message);
    }

    [Fact]
    public async Task A_statement_past_the_timeout_is_stopped_and_the_service_goes_on()
    {
        using var service = new QueryService(Catalog, Services.GetRequiredService<Engine.Catalog.Registration.ICatalogRegistrar>(), new QueryServiceOptions
        {
            WarehouseRoot = Warehouse, Threads = 2, ScratchDirectory = Scratch, StatementTimeout = TimeSpan.FromMilliseconds(300), AuthMode = Engine.Configuration.AuthMode.Single,
        });
        var request = Request();

        var error = await Assert.ThrowsAsync<QueryFailedException>(() => service.ExecuteAsync(
            "SELECT count(*) FROM range(100000) a, range(100000) b WHERE (a.range * 31 + b.range) % 1000003 = 7", request));

        Assert.IsType<StatementTimeoutException>(error.InnerException);
        Assert.Contains("statement timeout", error.Reason);
        Assert.Equal([[1L]], (await service.ExecuteAsync("SELECT count(*) FROM s.t", request))[0].Rows);
    }
}
