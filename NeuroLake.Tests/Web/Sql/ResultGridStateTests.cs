using NeuroLake.Engine.Query.Service;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

public sealed class ResultGridStateTests
{
    private static readonly ResultColumn[] Columns = [new("id", "INTEGER"), new("name", "VARCHAR"), new("amount", "DOUBLE")];

    private static ResultGridState Grid() => new(Columns,
    [
        [3, "Oslo", 2.5],
        [1, null, 10.0],
        [2, "Kyiv", null],
        [4, "Lima", 2.5],
    ]);

    [Fact]
    public void Headers_cycle_ascending_descending_then_the_query_order()
    {
        var grid = Grid();

        grid.ToggleSort(0);
        Assert.Equal([1, 2, 3, 4], Ids(grid));
        Assert.Equal("ascending", grid.AriaSort(0));
        Assert.Equal("none", grid.AriaSort(1));

        grid.ToggleSort(0);
        Assert.Equal([4, 3, 2, 1], Ids(grid));
        Assert.Equal("descending", grid.AriaSort(0));

        grid.ToggleSort(0);
        Assert.Equal([3, 1, 2, 4], Ids(grid));
        Assert.Null(grid.SortColumn);
    }

    [Fact]
    public void Nulls_sort_last_both_ways()
    {
        var grid = Grid();

        grid.ToggleSort(1);
        Assert.Equal([2, 4, 3, 1], Ids(grid));

        grid.ToggleSort(1);
        Assert.Equal([3, 4, 2, 1], Ids(grid));
    }

    [Fact]
    public void Equal_values_keep_the_query_order()
    {
        var grid = Grid();

        grid.ToggleSort(2);

        Assert.Equal([3, 4, 1, 2], Ids(grid));
    }

    [Fact]
    public void Sorting_another_column_starts_ascending_and_positions_follow_the_view()
    {
        var grid = Grid();
        grid.ToggleSort(0);
        grid.ToggleSort(0);

        grid.ToggleSort(1);

        Assert.Equal(1, grid.SortColumn);
        Assert.Equal(GridSort.Ascending, grid.Sort);
        Assert.Equal([0, 1, 2, 3], grid.View.Select(r => r.Position));
    }

    [Fact]
    public void The_selection_moves_with_arrows_inside_the_grid_and_copies_the_shown_text()
    {
        var grid = Grid();
        Assert.Null(grid.SelectedText);

        grid.Move(1, 0);
        Assert.Equal((0, 0), grid.Selected);

        grid.Move(5, 1);
        Assert.Equal((3, 1), grid.Selected);
        Assert.Equal("Lima", grid.SelectedText);

        grid.Select(1, 1);
        Assert.Equal("NULL", grid.SelectedText);
        grid.Select(-4, 9);
        Assert.Equal((0, 2), grid.Selected);
        Assert.Equal("2.5", grid.SelectedText);
    }

    [Fact]
    public void Sorting_clears_the_selection_so_it_never_points_at_another_row()
    {
        var grid = Grid();
        grid.Select(0, 0);

        grid.ToggleSort(0);

        Assert.Null(grid.Selected);
    }

    [Fact]
    public void Ten_thousand_rows_sort_by_number_not_text()
    {
        var rows = Enumerable.Range(0, 10_000).Select(i => new object?[] { (long)((i * 7919) % 10_000), $"r{i}", null }).ToList();
        var grid = new ResultGridState(Columns, rows);

        grid.ToggleSort(0);

        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), grid.View.Select(r => (long)r.Values[0]!));
    }

    [Fact]
    public void Sorting_a_column_that_does_not_exist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Grid().ToggleSort(3));
    }

    private static int[] Ids(ResultGridState grid) => grid.View.Select(r => (int)r.Values[0]!).ToArray();
}
