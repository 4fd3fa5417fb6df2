namespace NeuroLake.Web.Components.Layout;

/// <summary>Which palette the user wants: the operating system's (<c>prefers-color-scheme</c>), or one fixed.</summary>
public enum ThemePreference
{
    System,
    Light,
    Dark,
}
