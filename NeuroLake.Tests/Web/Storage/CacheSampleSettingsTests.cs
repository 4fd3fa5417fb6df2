namespace NeuroLake.Tests.Web.Storage;

/// <summary>The file cache's sample interval is checked when the app starts, so a bad value never silently means something else.</summary>
public sealed class CacheSampleSettingsTests
{
    [Fact]
    public async Task A_sample_interval_that_is_not_a_positive_number_of_minutes_stops_the_app_naming_the_setting()
    {
        await using var app = new WorkbenchAppFactory(new Dictionary<string, string> { ["NeuroLake:Storage:Cache:SampleMinutes"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("NeuroLake:Storage:Cache:SampleMinutes must be a positive number of minutes", error.ToString());
    }
}
