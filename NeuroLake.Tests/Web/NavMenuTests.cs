using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Layout;
using NeuroLake.Web.Identity;

namespace NeuroLake.Tests.Web;

public sealed class NavMenuTests : MudComponentTest
{
    private readonly BunitAuthorizationContext _auth;

    // An administrator unless a test says otherwise.
    public NavMenuTests()
    {
        _auth = Context.AddAuthorization();
        _auth.SetAuthorized("ada");
        _auth.SetPolicies(WorkbenchRoles.AdminPolicy);
    }

    [Fact]
    public void Navigation_renders_one_link_per_area_with_home_active_on_the_home_page()
    {
        var nav = Render<NavMenu>();

        Assert.Equal("Workbench areas", nav.Find("nav").GetAttribute("aria-label"));
        var links = nav.FindAll("a");
        Assert.Equal(NavMenu.Areas.Select(a => a.Title), links.Select(l => l.TextContent.Trim()));
        Assert.Contains("active", links[0].ClassList);
        Assert.All(links.Skip(1), link => Assert.DoesNotContain("active", link.ClassList));
    }

    [Fact]
    public void Someone_who_is_not_an_administrator_is_not_shown_the_administrators_pages()
    {
        _auth.SetPolicies();

        var nav = Render<NavMenu>();

        var titles = nav.FindAll("a").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(NavMenu.Areas.Where(a => !a.AdminOnly).Select(a => a.Title), titles);
        Assert.DoesNotContain("Settings", titles);
    }

    [Fact]
    public void The_sql_editor_link_is_the_active_one_on_the_sql_page()
    {
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("sql");

        var nav = Render<NavMenu>();

        var active = Assert.Single(nav.FindAll("a"), link => link.ClassList.Contains("active"));
        Assert.Equal("SQL editor", active.TextContent.Trim());
    }

    [Fact]
    public void Every_navigation_link_leads_to_a_page_that_exists()
    {
        var nav = Render<NavMenu>();
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template.TrimEnd('/').ToLowerInvariant())
            .ToHashSet();

        foreach (var link in nav.FindAll("a"))
        {
            var href = "/" + (link.GetAttribute("href") ?? "").TrimEnd('/').ToLowerInvariant();
            Assert.True(routes.Contains(href.TrimEnd('/')), $"The navigation links to '{href}', but no page has that route.");
        }
    }
}
