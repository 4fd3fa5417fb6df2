using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NeuroLake.Web.Components.Layout;

namespace NeuroLake.Tests.Web;

public sealed class NavMenuTests
{
    [Fact]
    public async Task Navigation_renders_one_link_per_area_with_home_active_on_the_home_page()
    {
        var nav = await RenderNavMenuAsync("http://localhost/");

        Assert.Equal("Workbench areas", (string?)nav.Attribute("aria-label"));
        var links = nav.Descendants("a").ToList();
        Assert.Equal(NavMenu.Areas.Select(a => a.Title), links.Select(l => l.Value.Trim()));
        var home = links[0];
        Assert.Equal("Home", home.Value.Trim());
        Assert.Equal("", (string?)home.Attribute("href"));
        Assert.Contains("active", ((string?)home.Attribute("class") ?? "").Split(' '));
        Assert.All(links.Skip(1), link => Assert.DoesNotContain("active", ((string?)link.Attribute("class") ?? "").Split(' ')));
    }

    [Fact]
    public async Task The_sql_editor_link_is_the_active_one_on_the_sql_page()
    {
        var nav = await RenderNavMenuAsync("http://localhost/sql");

        var active = Assert.Single(nav.Descendants("a"), link => ((string?)link.Attribute("class") ?? "").Split(' ').Contains("active"));
        Assert.Equal("SQL editor", active.Value.Trim());
    }

    [Fact]
    public async Task Every_navigation_link_leads_to_a_page_that_exists()
    {
        var nav = await RenderNavMenuAsync("http://localhost/");
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template.TrimEnd('/').ToLowerInvariant())
            .ToHashSet();

        foreach (var link in nav.Descendants("a"))
        {
            var href = "/" + ((string?)link.Attribute("href") ?? "").TrimEnd('/').ToLowerInvariant();
            Assert.True(routes.Contains(href.TrimEnd('/')), $"The navigation links to '{href}', but no page has that route.");
        }
    }

    private static async Task<XElement> RenderNavMenuAsync(string currentUri)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<NavigationManager>(new FixedNavigationManager("http://localhost/", currentUri));
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());

        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<NavMenu>();
            return output.ToHtmlString();
        });

        return XElement.Parse(html);
    }

    /// <summary>A NavigationManager pinned to one URI: all NavLink needs to decide which link is active.</summary>
    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager(string baseUri, string uri) => Initialize(baseUri, uri);
    }
}
