using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using NeuroLake.Web.Components.Shared;

namespace NeuroLake.Web.Components.Layout;

/// <summary>
/// The workbench frame: app bar, responsive navigation drawer and the theme. The palette follows the operating
/// system's <c>prefers-color-scheme</c> until the user picks one, and is cascaded so charts and graphs match it.
/// </summary>
public partial class MainLayout
{
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private bool _systemDark;
    private bool _isDark;
    private ThemePreference _preference;
    private WorkbenchPalette _palette = WorkbenchPalette.Light;

    [CascadingParameter]
    private ThemePreference InitialPreference { get; set; }

    [Inject]
    private UserClock Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IBrowserViewportService Viewport { get; set; } = default!;

    protected override void OnInitialized()
    {
        _preference = InitialPreference;
        Apply();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null || !RendererInfo.IsInteractive)
        {
            return;
        }

        await using (var clock = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Shared/Timestamp.razor.js"))
        {
            Clock.Use(await clock.InvokeAsync<string>("timeZone"));
        }

        // Below Md the responsive drawer starts hidden without telling us; start closed so the first click on the menu button opens it.
        var narrow = !await Viewport.IsBreakpointWithinWindowSizeAsync(Breakpoint.MdAndUp);
        if (narrow && _drawerOpen)
        {
            _drawerOpen = false;
            StateHasChanged();
        }

        _systemDark = await _themeProvider.GetSystemDarkModeAsync();
        await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChanged);
        if (Apply())
        {
            StateHasChanged();
        }
    }

    private Task OnSystemDarkModeChanged(bool dark)
    {
        _systemDark = dark;
        return Apply() ? InvokeAsync(StateHasChanged) : Task.CompletedTask;
    }

    private void ChangePreference(ThemePreference preference)
    {
        _preference = preference;
        Apply();
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    /// <summary>Recomputes the palette; true when it changed.</summary>
    private bool Apply()
    {
        var dark = _preference switch
        {
            ThemePreference.Dark => true,
            ThemePreference.Light => false,
            _ => _systemDark,
        };
        var changed = dark != _isDark;
        _isDark = dark;
        _palette = dark ? WorkbenchPalette.Dark : WorkbenchPalette.Light;
        return changed;
    }
}
