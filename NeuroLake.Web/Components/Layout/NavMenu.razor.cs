using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace NeuroLake.Web.Components.Layout;

/// <summary>The side navigation: one link per workbench area that exists. Add an area here when its page ships.</summary>
public partial class NavMenu
{
    /// <summary>
    /// A navigation entry: the area's title, its route relative to the base URI, a Material icon (SVG path), and
    /// whether only administrators are shown it (their pages refuse everyone else anyway).
    /// </summary>
    public sealed record Area(string Title, string Href, string Icon, NavLinkMatch Match = NavLinkMatch.Prefix, bool AdminOnly = false);

    /// <summary>The areas listed, in order.</summary>
    public static IReadOnlyList<Area> Areas { get; } =
    [
        new("Home", "", Icons.Material.Filled.Home, NavLinkMatch.All),
        new("SQL editor", "sql", Icons.Material.Filled.Terminal),
        new("Catalog", "catalog", Icons.Material.Filled.MenuBook),
        new("Ingest", "ingest", Icons.Material.Filled.CloudUpload),
        new("Jobs", "jobs", Icons.Material.Filled.Schedule),
        new("Pipelines", "pipelines", Icons.Material.Filled.AccountTree),
        new("Cost", "cost", Icons.Material.Filled.Savings),
        new("Storage", "storage", Icons.Material.Filled.Storage),
        new("Audit log", "admin/audit", Icons.Material.Filled.Policy, AdminOnly: true),
        new("Tokens", "admin/tokens", Icons.Material.Filled.Key, AdminOnly: true),
        new("Settings", "admin/settings", Icons.Material.Filled.Settings, AdminOnly: true),
        new("Backups", "backups", Icons.Material.Filled.Backup, AdminOnly: true),
    ];
}
