using Microsoft.Extensions.DependencyInjection;
using NeuroLake.Tests.Web.Identity;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Tests.Web.Visibility;

/// <summary>
/// Every page that lists or shows tables shows an analyst only those they may SELECT, and an administrator all of
/// them; the administrator's view is the control that the hidden tables are really there to be hidden.
/// </summary>
public sealed class VisibleTablesPagesTests(GrantedSchemaApp fixture) : IClassFixture<GrantedSchemaApp>
{
    private const string Analyst = GrantedSchemaApp.Analyst;
    private const string Admin = AccountsApp.AdminName;

    [Fact]
    public async Task Home_tells_a_user_who_may_read_no_table_to_ask_for_a_grant_not_to_load_a_first_file()
    {
        var outsider = await fixture.PageAsync(GrantedSchemaApp.Outsider, "/");
        var analyst = await fixture.PageAsync(Analyst, "/");

        Assert.Contains("No tables shared with you yet", outsider);
        Assert.DoesNotContain("There are no tables yet", outsider);
        Assert.DoesNotContain("No tables yet", outsider);
        Assert.DoesNotContain("sales.orders", outsider);
        Assert.DoesNotContain("No tables shared with you yet", analyst);
        Assert.Contains("sales.orders", analyst);
        Assert.DoesNotContain("hr.salaries", analyst);
    }

    [Fact]
    public async Task Home_names_the_server_data_folder_to_administrators_only()
    {
        var folder = fixture.App.Services.GetRequiredService<NeuroLake.Web.Health.EngineStatusProbe>().Check().DataDirectory;

        Assert.Contains(folder, await fixture.PageAsync(Admin, "/"));
        Assert.DoesNotContain(folder, await fixture.PageAsync(Analyst, "/"));
    }

    [Fact]
    public async Task The_catalog_tree_lists_the_schemas_an_analyst_may_use_and_only_the_tables_they_may_select()
    {
        var analyst = await fixture.PageAsync(Analyst, "/catalog?schema=hr");
        var admin = await fixture.PageAsync(Admin, "/catalog?schema=hr");

        Assert.Contains("hr", analyst);
        Assert.DoesNotContain("catalog/hr/salaries", analyst);
        Assert.DoesNotContain("catalog/hr/bonus", analyst);
        Assert.DoesNotContain("vault", analyst);
        Assert.Contains("catalog/hr/salaries", admin);
        Assert.Contains("vault", admin);
    }

    [Fact]
    public async Task Search_finds_no_table_or_column_the_analyst_may_not_select()
    {
        var analyst = await fixture.PageAsync(Analyst, "/catalog?q=salar");
        var admin = await fixture.PageAsync(Admin, "/catalog?q=salar");
        var analystAmounts = await fixture.PageAsync(Analyst, "/catalog?q=amount");

        Assert.DoesNotContain("catalog/hr/salaries", analyst);
        Assert.DoesNotContain("main.hr.salaries", analyst);
        Assert.Contains("catalog/hr/salaries", admin);
        Assert.Contains("catalog/sales/orders?tab=columns", analystAmounts);
        Assert.DoesNotContain("catalog/hr/bonus", analystAmounts);
    }

    [Fact]
    public async Task The_page_of_a_table_the_analyst_may_not_select_answers_as_for_a_missing_table()
    {
        var hidden = await fixture.PageAsync(Analyst, "/catalog/hr/salaries");
        var missing = await fixture.PageAsync(Analyst, "/catalog/hr/nothing_here");
        var admin = await fixture.PageAsync(Admin, "/catalog/hr/salaries");
        var granted = await fixture.PageAsync(Analyst, "/catalog/sales/orders?tab=columns");

        Assert.Contains("There is no table hr.salaries in the catalog, or you may not read it.", hidden);
        Assert.Contains("There is no table hr.nothing_here in the catalog, or you may not read it.", missing);
        Assert.DoesNotContain("or you may not read it", admin);
        Assert.Contains("salary", admin);
        Assert.DoesNotContain("salary", hidden);
        Assert.Contains("amount", granted);
    }

    [Fact]
    public async Task Lineage_shows_a_table_the_analyst_may_not_select_as_an_anonymous_restricted_node()
    {
        var analyst = await fixture.PageAsync(Analyst, "/lineage/sales/report");
        var admin = await fixture.PageAsync(Admin, "/lineage/sales/report");

        Assert.Contains("main.sales.orders", analyst);
        Assert.Contains("Restricted table 1", analyst);
        Assert.DoesNotContain("salaries", analyst);
        Assert.Contains("main.hr.salaries", admin);
        Assert.DoesNotContain("Restricted table", admin);
    }

    [Fact]
    public async Task The_lineage_of_a_table_the_analyst_may_not_select_does_not_open()
    {
        var analyst = await fixture.PageAsync(Analyst, "/lineage/hr/salaries");

        Assert.Contains("There is no table hr.salaries in the catalog, or you may not read it.", analyst);
        Assert.DoesNotContain("main.sales.report", analyst);
    }

    [Fact]
    public async Task Impact_analysis_lists_only_downstream_tables_the_analyst_may_select()
    {
        var analyst = await fixture.PageAsync(Analyst, "/lineage/sales/orders?view=impact");
        var admin = await fixture.PageAsync(Admin, "/lineage/sales/orders?view=impact");

        Assert.Contains("main.sales.report", analyst);
        Assert.DoesNotContain("main.hr.bonus", analyst);
        Assert.Contains("main.hr.bonus", admin);
    }

    [Fact]
    public async Task Related_tables_leave_out_tables_the_analyst_may_not_select()
    {
        var analyst = await fixture.PageAsync(Analyst, "/catalog/sales/orders");
        var admin = await fixture.PageAsync(Admin, "/catalog/sales/orders");

        Assert.Contains("catalog/sales/report", analyst);
        Assert.DoesNotContain("catalog/hr/bonus", analyst);
        Assert.Contains("catalog/hr/bonus", admin);
    }

    [Fact]
    public async Task Home_lists_only_the_analysts_tables_and_queries()
    {
        var analyst = await fixture.PageAsync(Analyst, "/");
        var admin = await fixture.PageAsync(Admin, "/");

        Assert.Contains("catalog/sales/orders", analyst);
        Assert.DoesNotContain("catalog/hr/", analyst);
        Assert.DoesNotContain("vault", analyst);
        Assert.DoesNotContain("salaries", analyst);
        Assert.Contains("catalog/hr/salaries", admin);
        Assert.DoesNotContain("ON SCHEMA hr", analyst);
        Assert.Contains("GRANT USE SCHEMA ON SCHEMA hr TO USER ann", admin);
    }

    [Fact]
    public async Task Autocomplete_offers_only_usable_schemas_and_selectable_tables()
    {
        var tables = fixture.App.Services.GetRequiredService<CatalogTables>();

        var analyst = await tables.CompletionsAsync(Analyst);
        var admin = await tables.CompletionsAsync(Admin);

        Assert.Equal(["hr", "sales"], analyst.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(analyst["hr"]);
        Assert.Equal(["orders", "report"], analyst["sales"].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["bonus", "salaries"], admin["hr"].Keys.Order(StringComparer.Ordinal));
        Assert.Contains("vault", admin.Keys);
    }
}
