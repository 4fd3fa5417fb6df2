using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Integration;

namespace NeuroLake.Tests.Catalog.Integration;

public sealed class WarehouseLayoutTests
{
    private readonly WarehouseLayout _layout = new("/data/warehouse/");

    [Theory]
    [InlineData("/data/warehouse/main/sales/orders")]
    [InlineData("/data/warehouse/main/sales/orders/")]
    [InlineData("/data/warehouse/main/./sales/orders")]
    public void A_folder_three_levels_below_the_root_is_named_catalog_schema_table(string location)
    {
        Assert.Equal(SecurablePath.ForTable("main", "sales", "orders"), _layout.NameOf(location, out _));
    }

    [Theory]
    [InlineData("/data/other/main/sales/orders", "outside the warehouse root")]
    [InlineData("/data/warehouse-old/main/sales/orders", "outside the warehouse root")]
    [InlineData("/data/warehouse/main/sales", "2 folder(s) below")]
    [InlineData("/data/warehouse/main/sales/orders/2024", "4 folder(s) below")]
    [InlineData("/data/warehouse/main/sales/daily-orders", "'daily-orders'")]
    public void Any_other_location_has_no_managed_name_and_a_reason(string location, string reason)
    {
        Assert.Null(_layout.NameOf(location, out var why));
        Assert.Contains(reason, why);
    }

    [Fact]
    public void The_location_of_a_name_is_named_back_by_the_layout()
    {
        var location = _layout.LocationOf("main", "crm", "people");

        Assert.Equal(SecurablePath.ForTable("main", "crm", "people"), _layout.NameOf(location, out _));
    }
}
