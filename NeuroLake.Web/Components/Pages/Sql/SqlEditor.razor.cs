using Microsoft.AspNetCore.Components;
using NeuroLake.Web.Identity;
using Microsoft.JSInterop;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Query.Syntax;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Catalog;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>
/// The SQL editor page: editor tabs kept in localStorage, runs (all, or the selection / statement under the cursor)
/// with cancel and elapsed time, one result tab per statement, errors shown at their statement.
/// </summary>
public sealed partial class SqlEditor : IDisposable
{
    private const string TabsStorageKey = "neurolake.sql.tabs";
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, QueryRunState> _runs = [];
    private readonly CancellationTokenSource _disposed = new();
    private EditorTabs? _tabs;
    private SqlCodeEditor? _editor;
    private bool _editorReady;
    private object? _completions;
    private SqlVocabulary? _vocabulary;
    private string? _notice;
    private int _historyVersion;

    [Inject]
    private QueryService Queries { get; set; } = default!;

    [Inject]
    private CatalogTables Catalog { get; set; } = default!;

    [Inject]
    private SettingsStore Settings { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<SqlEditor> Logger { get; set; } = default!;

    [Inject]
    private DuckDbDatabase Database { get; set; } = default!;

    /// <summary>SQL to open in a new tab (<see cref="SqlEditorLinks.Query"/>); removed from the address once opened.</summary>
    [SupplyParameterFromQuery(Name = SqlEditorLinks.QueryParameter)]
    public string? Query { get; set; }

    private QueryRunState? Run => _tabs is not null && _runs.TryGetValue(_tabs.ActiveId, out var run) ? run : null;

    private int ActiveTabIndex => _tabs is null ? 0 : _tabs.Tabs.ToList().FindIndex(t => t.Id == _tabs.ActiveId);

    protected override async Task OnInitializedAsync()
    {
        _vocabulary = ReadVocabulary();
        _completions = await LoadCompletionsAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            var saved = await CallJs(() => JS.InvokeAsync<string?>("localStorage.getItem", TabsStorageKey).AsTask());
            _tabs = EditorTabs.FromJson(saved);
            if (!string.IsNullOrWhiteSpace(Query))
            {
                _tabs.Add(Query);
                await SaveTabsAsync();
                Navigation.NavigateTo("sql", replace: true);
            }

            StateHasChanged();
        }
    }

    private async Task EditorReadyAsync()
    {
        _editorReady = true;
        await _editor!.FocusAsync();
    }

    private async Task TextChangedAsync(EditorTextChange change)
    {
        // The tab may have been closed since; its text went with it.
        if (_tabs!.Tabs.Any(t => t.Id == change.Key))
        {
            _tabs.UpdateSql(change.Key, change.Text);
            await SaveTabsAsync();
        }
    }

    private Task ActivateTabAtAsync(int index) =>
        index >= 0 && index < _tabs!.Tabs.Count && _tabs.Tabs[index].Id != _tabs.ActiveId ? ActivateTabAsync(_tabs.Tabs[index].Id) : Task.CompletedTask;

    private async Task ActivateTabAsync(string id)
    {
        await CaptureEditorTextAsync();
        _tabs!.Activate(id);
        _notice = null;
        await ShowActiveTabAsync();
    }

    private async Task NewTabAsync(string sql = "")
    {
        await CaptureEditorTextAsync();
        _tabs!.Add(sql);
        _notice = null;
        await ShowActiveTabAsync();
    }

    private async Task CloseTabAsync(string id)
    {
        await CaptureEditorTextAsync();
        if (_runs.Remove(id, out var run))
        {
            run.Cancel();
        }

        _tabs!.Close(id);
        await ShowActiveTabAsync();
    }

    private async Task ShowActiveTabAsync()
    {
        await SaveTabsAsync();
        if (_editor is not null)
        {
            await _editor.SetTextAsync(_tabs!.Active.Sql, _tabs.ActiveId);
            await _editor.FocusAsync();
        }
    }

    /// <summary>Keeps what was typed in the active tab in the last pause-less moment before switching away.</summary>
    private async Task CaptureEditorTextAsync()
    {
        if (_editor is not null && await _editor.SnapshotAsync() is { } snapshot)
        {
            _tabs!.UpdateSql(_tabs.ActiveId, snapshot.Text);
        }
    }

    private async Task RunFromButtonAsync(RunScope scope)
    {
        if (_editor is not null && await _editor.SnapshotAsync() is { } snapshot)
        {
            await RunAsync(snapshot, scope);
        }
    }

    private async Task RunAsync(EditorSnapshot snapshot, RunScope scope)
    {
        var tabId = _tabs!.ActiveId;
        if (_runs.TryGetValue(tabId, out var previous) && previous.IsRunning)
        {
            return;
        }

        _tabs.UpdateSql(tabId, snapshot.Text);
        await SaveTabsAsync();
        _notice = null;
        ScriptPart? part;
        try
        {
            part = ScriptPart.Choose(snapshot.Text, scope, snapshot.From, snapshot.To, snapshot.Cursor);
        }
        catch (SqlSyntaxException e)
        {
            var failed = new QueryRunState(new ScriptPart(snapshot.Text, 1));
            failed.Fail(new RunError(e.Message, e.Line, null));
            _runs[tabId] = failed;
            await GoToLineAsync(e.Line);
            return;
        }

        if (part is null)
        {
            _notice = "Nothing to run: write a statement, or put the cursor on one.";
            return;
        }

        var run = _runs[tabId] = new QueryRunState(part);
        StateHasChanged();
        using (StartTicker(run))
        {
            await ExecuteAsync(run);
        }

        _historyVersion++;
        if (run.Error?.EditorLine is { } line && _tabs.ActiveId == tabId)
        {
            await GoToLineAsync(line);
        }

        if (run.Status == RunStatus.Succeeded && run.Results.Any(r => r.TableWritten is not null || r.Kind is StatementKind.CreateSchema or StatementKind.DropTable))
        {
            await RefreshCompletionsAsync();
        }
    }

    private async Task ExecuteAsync(QueryRunState run)
    {
        try
        {
            var request = new QueryRequest(User.Name, RowLimit: Settings.Current.RowLimit) { Progress = run.Progress };
            run.Succeed(await Queries.ExecuteAsync(run.Part.Sql, request, run.CancellationToken));
        }
        catch (QueryFailedException e)
        {
            run.Fail(new RunError(e.Reason, run.Part.EditorLine(e.Line), e.StatementIndex), e.Completed);
        }
        catch (SqlSyntaxException e)
        {
            run.Fail(new RunError(e.Message, run.Part.EditorLine(e.Line), null));
        }
        catch (NeuroLakeException e)
        {
            run.Fail(new RunError(e.Message, null, null));
        }
        catch (OperationCanceledException)
        {
            run.Cancelled();
        }
        catch (Exception e)
        {
            // A bug or an unexpected engine failure: shown in place, never the circuit's error bar.
            LogRunFailed(Logger, e);
            run.Fail(new RunError($"The run failed unexpectedly ({e.GetType().Name}): {e.Message}", null, null));
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The SQL editor could not read the catalog's names for autocomplete")]
    private static partial void LogCompletionsFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The SQL editor could not read DuckDB's keywords and functions for autocomplete")]
    private static partial void LogVocabularyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "A SQL editor run failed unexpectedly")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    private void CancelRun() => Run?.Cancel();

    private async Task RunFromHistoryAsync(string sql)
    {
        await NewTabAsync(sql);
        await RunAsync(new EditorSnapshot(sql, 0, 0, 0), RunScope.All);
    }

    private async Task GoToLineAsync(int line)
    {
        if (_editor is not null)
        {
            await _editor.SelectLineAsync(line);
        }
    }

    /// <summary>Redraws the elapsed time and progress while the run is going.</summary>
    private IDisposable StartTicker(QueryRunState run)
    {
        var timer = new PeriodicTimer(TickInterval);
        _ = Task.Run(async () =>
        {
            while (await timer.WaitForNextTickAsync() && run.IsRunning && !_disposed.IsCancellationRequested)
            {
                await InvokeAsync(StateHasChanged);
            }
        });
        return timer;
    }

    private async Task RefreshCompletionsAsync()
    {
        _completions = await LoadCompletionsAsync();
        if (_editor is not null && _completions is not null)
        {
            await _editor.SetSchemaAsync(_completions);
        }
    }

    private SqlVocabulary? ReadVocabulary()
    {
        try
        {
            return SqlVocabulary.Of(Database);
        }
        catch (DuckDbException e)
        {
            // Autocomplete falls back to standard SQL keywords; the editor still works.
            LogVocabularyFailed(Logger, e);
            return null;
        }
    }

    private async Task<object?> LoadCompletionsAsync()
    {
        try
        {
            return await Catalog.CompletionsAsync(User.Name, _disposed.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Autocomplete falls back to keywords; the editor still works.
            LogCompletionsFailed(Logger, e);
            return null;
        }
    }

    private Task SaveTabsAsync() =>
        _tabs is null ? Task.CompletedTask : CallJs(() => JS.InvokeVoidAsync("localStorage.setItem", TabsStorageKey, _tabs.ToJson()).AsTask());

    private static async Task CallJs(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the browser keeps what it last saved.
        }
    }

    private static async Task<T?> CallJs<T>(Func<Task<T>> call)
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

    public void Dispose()
    {
        _disposed.Cancel();
        foreach (var run in _runs.Values)
        {
            run.Cancel();
        }

        _disposed.Dispose();
    }
}
