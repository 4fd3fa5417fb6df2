using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class EditorTabsTests
{
    [Fact]
    public void New_tabs_take_the_lowest_free_number_and_become_active()
    {
        var tabs = new EditorTabs();
        var second = tabs.Add("SELECT 2");
        tabs.Close(tabs.Tabs[0].Id);

        var third = tabs.Add();

        Assert.Equal(["Query 2", "Query 1"], tabs.Tabs.Select(t => t.Title));
        Assert.Equal(third.Id, tabs.ActiveId);
        Assert.Equal("SELECT 2", tabs.Tabs.Single(t => t.Id == second.Id).Sql);
    }

    [Fact]
    public void Closing_the_active_tab_activates_its_right_neighbour_then_the_left_and_never_leaves_none()
    {
        var tabs = new EditorTabs();
        var first = tabs.Active;
        var second = tabs.Add();
        var third = tabs.Add();
        tabs.Activate(second.Id);

        tabs.Close(second.Id);
        Assert.Equal(third.Id, tabs.ActiveId);

        tabs.Close(third.Id);
        Assert.Equal(first.Id, tabs.ActiveId);

        tabs.Close(first.Id);
        Assert.Single(tabs.Tabs);
        Assert.Equal("", tabs.Active.Sql);
    }

    [Fact]
    public void Tabs_round_trip_through_json_with_their_text_and_active_tab()
    {
        var tabs = new EditorTabs();
        tabs.UpdateSql(tabs.ActiveId, "SELECT 'first'");
        var second = tabs.Add("SELECT 'second'\n-- ü");
        tabs.Activate(tabs.Tabs[0].Id);

        var restored = EditorTabs.FromJson(tabs.ToJson());

        Assert.Equal(tabs.Tabs, restored.Tabs);
        Assert.Equal(tabs.ActiveId, restored.ActiveId);
        Assert.Equal(second.Sql, restored.Tabs[1].Sql);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"tabs": []}""")]
    [InlineData("""{"tabs": [{"id": "", "title": "x", "sql": "y"}]}""")]
    [InlineData("[1, 2]")]
    public void Unreadable_saved_tabs_start_over_with_one_empty_tab(string? json)
    {
        var tabs = EditorTabs.FromJson(json);

        var tab = Assert.Single(tabs.Tabs);
        Assert.Equal("Query 1", tab.Title);
        Assert.Equal(tab.Id, tabs.ActiveId);
    }

    [Fact]
    public void A_saved_active_id_that_no_longer_exists_activates_the_first_tab()
    {
        var tabs = EditorTabs.FromJson("""{"tabs": [{"id": "a", "title": "Query 1", "sql": null}, {"id": "b", "title": "Query 2", "sql": "SELECT 1"}], "activeId": "gone"}""");

        Assert.Equal("a", tabs.ActiveId);
        Assert.Equal("", tabs.Active.Sql);
    }

    [Fact]
    public void Unknown_tab_ids_are_refused_naming_the_id()
    {
        var tabs = new EditorTabs();

        var error = Assert.Throws<ArgumentException>(() => tabs.Activate("nope"));
        Assert.Contains("'nope'", error.Message);
    }
}
