namespace NeuroLake.Web.Components.Pages.Catalog;

/// <summary>MudTable's <c>TableAttributes</c> that give its &lt;table&gt; an accessible name (the one screen readers and tests find it by).</summary>
public static class AccessibleTable
{
    public static Dictionary<string, object> Named(string label) => new() { ["aria-label"] = label };
}
