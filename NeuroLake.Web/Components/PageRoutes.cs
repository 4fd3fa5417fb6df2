using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace NeuroLake.Web.Components;

/// <summary>
/// The page routes this build has, so a link to another area's page appears only once that page exists
/// (no links to pages that do not work yet).
/// </summary>
public static class PageRoutes
{
    private static readonly HashSet<string> Templates = typeof(PageRoutes).Assembly.GetTypes()
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
        .Select(route => Normalize(route.Template))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a page has exactly this route template, e.g. <c>/catalog/{schema}/{table}</c>.</summary>
    public static bool Exists(string template) => Templates.Contains(Normalize(template));

    private static string Normalize(string template) => "/" + template.Trim('/');
}
