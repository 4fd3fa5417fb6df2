using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Api;

namespace NeuroLake.Tests.Web.Api;

public sealed class ServerFolderTextTests
{
    [Fact]
    public void Files_under_the_data_warehouse_and_external_folders_lose_their_server_part()
    {
        var data = Path.Combine(Path.GetTempPath(), "nl-data");
        var external = Path.Combine(Path.GetTempPath(), "nl-external");
        var options = new NeuroLakeOptions { DataDirectory = data, ExternalLocations = [external] };
        var warehouse = options.ResolveWarehouse(Path.GetFullPath(data));
        var message = $"Conversion Error: read_parquet(['{warehouse}/main/geo/t/part-0.parquet']) and '{external}/x.csv' in {data}";

        var text = ServerFolderText.Strip(message, options);

        Assert.DoesNotContain(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), text);
        Assert.Contains("'main/geo/t/part-0.parquet'", text);
        Assert.Contains("'x.csv'", text);
        Assert.EndsWith("in <server folder>", text);
    }
}
