using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Web.Components.Pages.Catalog.Tabs;

/// <summary>
/// The table's commits: browse any version's rows (<c>?version=</c>), compare two versions (<c>?from=&amp;to=</c>) and
/// restore one after a confirmation that shows what changes, or open one in the SQL editor. What is open lives in the URL,
/// so it survives a reload.
/// </summary>
public partial class HistoryTab
{
    private const int HistoryLimit = 200;
    private const int BrowseRowLimit = 100;

    /// <summary>The table shown. Required.</summary>
    [Parameter, EditorRequired]
    public TablePageContext Table { get; set; } = default!;

    // Read from the URL on each render rather than with [SupplyParameterFromQuery]: a tab is created during navigation,
    // and a component subscribing to query values then makes the framework's location-changed loop fail
    // ("Collection was modified"). The page re-renders its tab on every navigation, so these stay current.
    private long? BrowseVersion { get; set; }

    private long? From { get; set; }

    private long? To { get; set; }

    [Inject]
    private TableAccess Tables { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<HistoryEntry>? History { get; set; }

    private string? Error { get; set; }

    // The log's newest commit: the catalog's entry may lag behind a write made elsewhere since the page opened.
    private long Current => History is [var newest, ..] ? newest.Version : Table.Info.CurrentVersion;

    private long CompareFrom { get; set; }

    private long CompareTo { get; set; }

    private StatementResult? BrowseRows { get; set; }

    private string? BrowseError { get; set; }

    private ComparisonSummary? Comparison { get; set; }

    private string? CompareError { get; set; }

    private ConfirmationFlow<RestorePreview, RestoreOutcome> Restore { get; } = new();

    private (long? Version, long Current) _browsed = (null, -1);
    private (long? From, long? To, long Current) _compared = (null, null, -1);
    private long _historyAt = -1;

    protected override async Task OnParametersSetAsync()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        (BrowseVersion, From, To) = (Long(query, "version"), Long(query, "from"), Long(query, "to"));
        if (_historyAt != Table.Info.CurrentVersion)
        {
            await LoadHistoryAsync();
        }

        if (_browsed != (BrowseVersion, Current))
        {
            _browsed = (BrowseVersion, Current);
            await BrowseAsync();
        }

        if (_compared != (From, To, Current))
        {
            _compared = (From, To, Current);
            await CompareVersionsAsync();
        }
    }

    private async Task LoadHistoryAsync()
    {
        try
        {
            History = await (await Tables.OpenAsync(Table.Info, CancellationToken.None)).GetHistoryAsync(HistoryLimit);
            _historyAt = Table.Info.CurrentVersion;
            Error = null;
            var oldest = History.Count > 0 ? History[^1].Version : 0;
            (CompareFrom, CompareTo) = (From ?? Math.Max(oldest, Current - 1), To ?? Current);
        }
        catch (NeuroLakeException e)
        {
            Error = e.Message;
        }
    }

    private async Task BrowseAsync()
    {
        (BrowseRows, BrowseError) = (null, null);
        if (BrowseVersion is not { } version)
        {
            return;
        }

        try
        {
            BrowseRows = await Tables.RunAsync($"SELECT * FROM {Table.Name.Sql} VERSION AS OF {version} LIMIT {BrowseRowLimit}", BrowseRowLimit, CancellationToken.None);
        }
        catch (NeuroLakeException e)
        {
            BrowseError = e.Message;
        }
    }

    private async Task CompareVersionsAsync()
    {
        (Comparison, CompareError) = (null, null);
        if (From is not { } from || To is not { } to)
        {
            return;
        }

        try
        {
            Comparison = new ComparisonSummary(await Tables.CompareAsync(Table.Info, from, to, CancellationToken.None));
        }
        catch (NeuroLakeException e)
        {
            CompareError = e.Message;
        }
    }

    private static long? Long(Dictionary<string, StringValues> query, string key) =>
        query.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private void Compare() => Navigation.NavigateTo(LinkTo(from: CompareFrom, to: CompareTo));

    /// <summary>Works out what restoring <paramref name="target"/> changes, asks, and restores when confirmed.</summary>
    private async Task RestoreAsync(long target)
    {
        await Restore.PrepareAsync(async () =>
        {
            var change = await Tables.CompareAsync(Table.Info, Current, target, CancellationToken.None);
            return new RestorePreview(Current, target, new ComparisonSummary(change));
        });
        if (Restore is not { Stage: FlowStage.Confirming, Preview: { } plan })
        {
            return;
        }

        StateHasChanged();
        if (!await ConfirmActionDialog.AskAsync(Dialogs, $"Restore version {plan.Target}?", $"Restore version {plan.Target}", RestoreQuestion(plan)))
        {
            Restore.Cancel();
            return;
        }

        await Restore.ConfirmAsync(async preview =>
        {
            var result = await Tables.RunAsync($"RESTORE TABLE {Table.Name.Sql} TO VERSION AS OF {preview.Target}", 10, CancellationToken.None);
            return new RestoreOutcome(result.TableWritten?.Version ?? preview.Current);
        });
        if (Restore is { Stage: FlowStage.Done, Result: { } restored })
        {
            Snackbar.Add($"Restored: the table is now at version {restored.NewVersion}.", Severity.Success);
            Restore.Cancel();
            await Table.ReloadAsync();
        }
    }

    /// <summary>The SQL editor with this version's rows as the query: a starting point for any question about it.</summary>
    private string SqlOf(long version) => SqlEditorLinks.Query($"SELECT * FROM {Table.Name} VERSION AS OF {version}");

    // Keeps the other query values (tab, the other panel) and changes only the ones given.
    private string LinkTo(long? version) => Navigation.GetUriWithQueryParameter("version", version);

    private string LinkTo(long? from, long? to) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["from"] = from, ["to"] = to });
}
