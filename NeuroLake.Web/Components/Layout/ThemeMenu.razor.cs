using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace NeuroLake.Web.Components.Layout;

/// <summary>The app bar's theme switch: follow the system, light or dark. The choice is kept in a cookie for a year.</summary>
public partial class ThemeMenu
{
    private sealed record Choice(ThemePreference Value, string Label, string Icon);

    private static readonly Choice[] Choices =
    [
        new(ThemePreference.System, "Use system setting", Icons.Material.Filled.BrightnessAuto),
        new(ThemePreference.Light, "Light", Icons.Material.Filled.LightMode),
        new(ThemePreference.Dark, "Dark", Icons.Material.Filled.DarkMode),
    ];

    [Parameter]
    public ThemePreference Preference { get; set; }

    [Parameter]
    public EventCallback<ThemePreference> PreferenceChanged { get; set; }

    private string CurrentIcon => Choices.First(c => c.Value == Preference).Icon;

    private async Task ChooseAsync(ThemePreference preference)
    {
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Layout/ThemeMenu.razor.js");
        await module.InvokeVoidAsync("remember", ThemePreferenceCookie.Name, preference.ToString());
        await PreferenceChanged.InvokeAsync(preference);
    }
}
