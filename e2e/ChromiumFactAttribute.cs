namespace NeuroLake.E2E;

/// <summary>
/// A browser test: skipped when Chromium is missing on a developer machine, run (and failed by the fixture
/// with a clear message) when CI=true.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!ChromiumLocation.IsInstalled && !ChromiumLocation.IsRequired)
        {
            Skip = ChromiumLocation.MissingMessage + " Skipped because CI is not 'true'.";
        }
    }
}
