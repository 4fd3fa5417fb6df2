using NeuroLake.Web.Components;

namespace NeuroLake.Tests.Web;

public sealed class PageRoutesTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/sql", true)]
    [InlineData("sql/", true)]
    [InlineData("/SQL", true)]
    [InlineData("/cost", true)]
    [InlineData("/no-such-page", false)]
    public void Only_routes_of_pages_in_this_build_exist(string template, bool exists)
    {
        Assert.Equal(exists, PageRoutes.Exists(template));
    }
}
