using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace NeuroLake.Tests.Web.Components;

/// <summary>
/// Base of the workbench's bUnit tests: a <see cref="BunitContext"/> with MudBlazor's services and loose JS interop
/// (MudBlazor calls its own JS for focus and popovers). The context is owned, not inherited, and disposed
/// asynchronously: MudBlazor's services only implement IAsyncDisposable.
/// </summary>
public abstract class MudComponentTest : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudComponentTest()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
    }

    /// <summary>Renders the popover, dialog and snackbar hosts MudBlazor's menus, dialogs and toasts draw into.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Context.Render<MudProviders>();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent => Context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>The providers a MudLayout page has, as one component.</summary>
    public sealed class MudProviders : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        }
    }
}
