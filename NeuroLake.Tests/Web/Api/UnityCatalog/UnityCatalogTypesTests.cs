using NeuroLake.Web.Api.UnityCatalog;

namespace NeuroLake.Tests.Web.Api.UnityCatalog;

/// <summary>The catalog's type text and locations become what Unity Catalog clients expect.</summary>
public sealed class UnityCatalogTypesTests
{
    [Theory]
    [InlineData("long", "LONG", "bigint")]
    [InlineData("integer", "INT", "int")]
    [InlineData("short", "SHORT", "smallint")]
    [InlineData("byte", "BYTE", "tinyint")]
    [InlineData("timestamp", "TIMESTAMP", "timestamp")]
    [InlineData("timestamp_ntz", "TIMESTAMP_NTZ", "timestamp_ntz")]
    [InlineData("binary", "BINARY", "binary")]
    [InlineData("decimal(38,9)", "DECIMAL", "decimal(38,9)")]
    [InlineData("map<string,struct<a:long,b:array<integer>>>", "MAP", "map<string,struct<a:bigint,b:array<int>>>")]
    [InlineData("struct<>", "STRUCT", "struct<>")]
    public void Catalog_type_text_reads_back_as_the_spec_type_name_and_catalog_string(string text, string typeName, string typeText)
    {
        var type = SparkTypeText.Parse(text);

        Assert.Equal((typeName, typeText), (UnityCatalogTypes.NameOf(type), UnityCatalogTypes.TextOf(type)));
    }

    [Fact]
    public void A_local_folder_becomes_a_file_uri_and_an_s3_location_stays_as_registered()
    {
        Assert.Equal("file:///data/warehouse/main/sales/orders", UnityCatalogDescriptions.StorageUri("/data/warehouse/main/sales/orders"));
        Assert.Equal("file:///data/my%20lake/t", UnityCatalogDescriptions.StorageUri("/data/my lake/t"));
        Assert.Equal("s3://lake/warehouse/main/sales/orders", UnityCatalogDescriptions.StorageUri("s3://lake/warehouse/main/sales/orders/"));
    }
}
