using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NeuroLake.Web.Components.Layout;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// The CodeMirror SQL editor (SqlCodeEditor.razor.js): DuckDB highlighting, autocomplete of DuckDB's words and the
/// catalog's names, soft-wrapped lines, run keys, and the theme's light or dark colours.
/// </summary>
public sealed partial class SqlCodeEditor : IAsyncDisposable
{
    private ElementReference _host;
    private DotNetObjectReference<SqlCodeEditor>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private bool _disposed;
    private bool? _darkShown;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The text the editor opens with; later changes go through <see cref="SetTextAsync"/>. Default empty.</summary>
    [Parameter]
    public string InitialText { get; set; } = "";

    /// <summary>Names the document <see cref="InitialText"/> belongs to (e.g. an editor tab's id); reported with text changes. Default empty.</summary>
    [Parameter]
    public string InitialKey { get; set; } = "";

    /// <summary>
    /// Autocomplete names in CodeMirror's shape (<c>{"schema": {"table": ["column", …]}}</c>); null offers keywords only
    /// (the default). Changes later go through <see cref="SetSchemaAsync"/>.
    /// </summary>
    [Parameter]
    public object? Schema { get; set; }

    /// <summary>
    /// The keywords, types and functions to highlight and complete (read from DuckDB); null (the default) uses
    /// CodeMirror's standard SQL keywords. Read once, when the editor starts.
    /// </summary>
    [Parameter]
    public SqlVocabulary? Vocabulary { get; set; }

    /// <summary>The theme's colours (cascaded by the layout): the editor is dark when the palette is.</summary>
    [CascadingParameter]
    public WorkbenchPalette? Palette { get; set; }

    private bool Dark => Palette?.IsDark == true;

    /// <summary>The editor's accessible name. Default "SQL".</summary>
    [Parameter]
    public string Label { get; set; } = "SQL";

    /// <summary>Ctrl/Cmd+Enter: run the selection, or the statement under the cursor.</summary>
    [Parameter]
    public EventCallback<EditorSnapshot> OnRunCurrent { get; set; }

    /// <summary>Ctrl/Cmd+Shift+Enter: run everything.</summary>
    [Parameter]
    public EventCallback<EditorSnapshot> OnRunAll { get; set; }

    /// <summary>The text of a document changed (reported after a short pause in typing), with the document's key.</summary>
    [Parameter]
    public EventCallback<EditorTextChange> OnTextChanged { get; set; }

    /// <summary>Raised once the editor is ready for the methods below.</summary>
    [Parameter]
    public EventCallback OnReady { get; set; }

    public bool IsReady => _editor is not null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            if (_editor is not null && _darkShown != Dark)
            {
                _darkShown = Dark;
                await Invoke("setDark", Dark);
            }

            return;
        }

        try
        {
            _self = DotNetObjectReference.Create(this);
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Sql/SqlCodeEditor.razor.js");
            var options = new { Text = InitialText, Key = InitialKey, Schema, Label, Vocabulary, Dark };
            var editor = await module.InvokeAsync<IJSObjectReference>("init", _host, _self, options);
            if (_disposed)
            {
                await ReleaseAsync(editor, module);
                return;
            }

            (_module, _editor, _darkShown) = (module, editor, options.Dark);
            await OnReady.InvokeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit went away while the module loaded.
        }
    }

    public async Task<EditorSnapshot?> SnapshotAsync() =>
        _editor is null ? null : await Call(() => _editor.InvokeAsync<EditorSnapshot>("snapshot").AsTask());

    /// <summary>Shows another document, <paramref name="text"/> under <paramref name="key"/>; later changes are reported with that key.</summary>
    public Task SetTextAsync(string text, string key) => Invoke("setText", text, key);

    public Task SetSchemaAsync(object schema) => Invoke("setSchema", schema);

    /// <summary>Selects a one-based editor line and scrolls to it.</summary>
    public Task SelectLineAsync(int line) => Invoke("selectLine", line);

    public Task FocusAsync() => Invoke("focus");

    [JSInvokable]
    public Task RunCurrent(EditorSnapshot snapshot) => OnRunCurrent.InvokeAsync(snapshot);

    [JSInvokable]
    public Task RunAll(EditorSnapshot snapshot) => OnRunAll.InvokeAsync(snapshot);

    [JSInvokable]
    public Task TextChanged(string key, string text) => OnTextChanged.InvokeAsync(new EditorTextChange(key, text));

    private Task Invoke(string method, params object?[] args) =>
        _editor is null ? Task.CompletedTask : Call(async () =>
        {
            await _editor.InvokeVoidAsync(method, args);
            return true;
        });

    private static async Task<T?> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JSDisconnectedException)
        {
            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await ReleaseAsync(_editor, _module);
        _self?.Dispose();
    }

    private static async Task ReleaseAsync(IJSObjectReference? editor, IJSObjectReference? module)
    {
        try
        {
            if (editor is not null)
            {
                await editor.InvokeVoidAsync("dispose");
                await editor.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // On Blazor Server the circuit may already be gone; the browser dropped the editor with the page.
        }
    }
}
