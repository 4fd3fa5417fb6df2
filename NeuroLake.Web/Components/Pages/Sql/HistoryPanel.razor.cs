using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Catalog.History;

namespace NeuroLake.Web.Components.Pages.Sql;

/// <summary>The user's query history beside the editor: search, open a statement in a new tab, or run it again.</summary>
public sealed partial class HistoryPanel
{
    private const int Shown = 50;
    private IReadOnlyList<QueryHistoryEntry>? _entries;
    private string? _error;
    private int _loadedVersion = -1;
    private int _searchVersion;

    [Inject]
    private QueryHistoryStore History { get; set; } = default!;

    /// <summary>Whose history to show. Required.</summary>
    [Parameter, EditorRequired]
    public string User { get; set; } = "";

    /// <summary>Bump it to reload the list (after a run finished). Default 0.</summary>
    [Parameter]
    public int Version { get; set; }

    /// <summary>True while a run in the active tab goes: "Run again" is disabled. Default false.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>"Open": the statement's SQL, to open in a new editor tab.</summary>
    [Parameter]
    public EventCallback<string> OnOpen { get; set; }

    /// <summary>"Run again": the statement's SQL, to open in a new editor tab and run.</summary>
    [Parameter]
    public EventCallback<string> OnRun { get; set; }

    private string Search { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        if (Version != _loadedVersion)
        {
            _loadedVersion = Version;
            await LoadAsync();
        }
    }

    private async Task SearchChangedAsync()
    {
        // Typing fires per key; only the latest search's answer is shown.
        var version = ++_searchVersion;
        await Task.Delay(200);
        if (version == _searchVersion)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            var text = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
            _entries = await History.SearchAsync(new QueryHistorySearch(User, text, Limit: Shown));
            _error = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The catalog database itself may fail; the editor keeps working, the panel says why it is empty.
            _error = e.Message;
        }
    }

    private static string StatusIcon(QueryStatus status) => status switch
    {
        QueryStatus.Ok => Icons.Material.Filled.CheckCircle,
        QueryStatus.Error => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.Block,
    };

    private static Color StatusColor(QueryStatus status) => status switch
    {
        QueryStatus.Ok => Color.Success,
        QueryStatus.Error => Color.Error,
        _ => Color.Default,
    };

    private static string Shorten(string sql)
    {
        var line = sql.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
