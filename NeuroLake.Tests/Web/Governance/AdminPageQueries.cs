using AngleSharp.Dom;
using Bunit;

namespace NeuroLake.Tests.Web.Governance;

/// <summary>Finds what an administrator would use on the admin pages: fields by their label, buttons by their name.</summary>
internal static class AdminPageQueries
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>The input a MudBlazor field's label points at.</summary>
    public static IElement Field<T>(this IRenderedComponent<T> page, string label)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var labelElement = page.FindAll("label").First(l => l.TextContent.Trim() == label);
        return page.Find("#" + labelElement.GetAttribute("for"));
    }

    /// <summary>A button by its aria-label, or by its text when it has none.</summary>
    public static IElement Button<T>(this IRenderedComponent<T> page, string name)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("button").First(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    public static IElement CheckBox<T>(this IRenderedComponent<T> page, string label)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("label").First(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!;

    public static string Alert<T>(this IRenderedComponent<T> page, string role)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[role={role}]").TextContent.Trim();
}
