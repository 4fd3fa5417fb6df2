using System.Reflection;
using Microsoft.AspNetCore.Components;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class TabSelectionTests
{
    private static readonly IReadOnlyList<TabDefinition> Tabs =
    [
        new("overview", "Overview", "bi-info-circle", typeof(object)),
        new("history", "History", "bi-clock", typeof(object)),
    ];

    [Fact]
    public void Without_a_tab_in_the_url_the_first_tab_is_active_and_links_to_the_bare_page()
    {
        var selection = new TabSelection(Tabs, null);

        Assert.Equal("overview", selection.Active.Id);
        Assert.False(selection.IsUnknown);
        Assert.Equal("catalog/s/t", selection.HrefOf("catalog/s/t", Tabs[0]));
        Assert.Equal("catalog/s/t?tab=history", selection.HrefOf("catalog/s/t", Tabs[1]));
    }

    [Fact]
    public void The_tab_named_in_the_url_is_active_ignoring_case()
    {
        Assert.Equal("history", new TabSelection(Tabs, "History").Active.Id);
    }

    [Fact]
    public void An_unknown_tab_falls_back_to_the_first_and_says_so()
    {
        var selection = new TabSelection(Tabs, "lineage-typo");

        Assert.Equal("overview", selection.Active.Id);
        Assert.True(selection.IsUnknown);
    }

    [Fact]
    public void Two_tabs_with_one_id_are_refused_naming_the_id()
    {
        var error = Assert.Throws<ArgumentException>(() => new TabSelection([Tabs[0], Tabs[0] with { Title = "Again" }], null));

        Assert.Contains("'overview'", error.Message);
        Assert.Throws<ArgumentException>(() => new TabSelection([], null));
    }

    [Fact]
    public void Every_table_tab_has_its_own_id_and_takes_the_table_as_its_required_parameter()
    {
        var selection = new TabSelection(TableTabs.All, null);

        Assert.Equal(["overview", "columns", "sample", "schema-history", "history", "maintenance"], TableTabs.All.Select(t => t.Id).Take(6));
        foreach (var tab in selection.Tabs)
        {
            var parameter = tab.Component.GetProperty("Table");
            Assert.True(parameter?.PropertyType == typeof(TablePageContext), $"Tab '{tab.Id}' has no Table parameter of type TablePageContext.");
            Assert.NotNull(parameter!.GetCustomAttribute<ParameterAttribute>());
            Assert.True(typeof(IComponent).IsAssignableFrom(tab.Component), $"Tab '{tab.Id}' is not a component.");
        }
    }
}
