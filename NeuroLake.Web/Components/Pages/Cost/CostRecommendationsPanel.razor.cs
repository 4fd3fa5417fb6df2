using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Cost.Recommendations;
using NeuroLake.Engine.Errors;
using NeuroLake.Web.Api.Operations;
using NeuroLake.Web.Catalog;
using NeuroLake.Web.Components.Pages.Catalog;
using NeuroLake.Web.Cost;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Cost;

/// <summary>
/// The Cost page's recommendations (<see cref="CostRecommendationActions"/>): each with its monthly cost, saving and
/// assumption, and a button for users who may run its maintenance. A started action is followed until it ends, then the
/// list is measured again, so a done recommendation disappears or updates.
/// </summary>
public sealed partial class CostRecommendationsPanel : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);
    private readonly Dictionary<string, TableOperation> _running = [];
    private readonly CancellationTokenSource _disposed = new();
    private Web.Cost.CostAnswer<RecommendationList>? _list;
    private string? _error;
    private bool _loading;

    [Inject]
    private CostRecommendationActions Actions { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    // Examining tables runs a VACUUM dry run each: done once, when interactive, not again for the prerendered copy.
    protected override Task OnInitializedAsync()
    {
        _loading = true;
        return RendererInfo.IsInteractive ? LoadAsync() : Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _list = await Actions.ListAsync(User.Name, _disposed.Token);
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task RunAsync(CostRecommendation item)
    {
        _error = null;
        TableOperation operation;
        try
        {
            operation = await Actions.StartAsync(User.Name, item.Id, _disposed.Token);
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
            return;
        }

        _running[item.Id] = operation;
        StateHasChanged();
        try
        {
            while (!operation.IsFinished)
            {
                await Task.Delay(PollInterval, _disposed.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return; // the page went away; the operation goes on and is in /api/v1/operations
        }

        _running.Remove(item.Id);
        if (operation.Status == OperationStatus.Succeeded)
        {
            Snackbar.Add($"{ActionText(item)} of {item.Table} finished.", Severity.Success);
        }
        else
        {
            _error = $"{ActionText(item)} of {item.Table} {operation.Status.ToString().ToLowerInvariant()}: {operation.Problem?.Detail ?? "it did not finish."}";
        }

        await LoadAsync();
    }

    private static string ActionText(CostRecommendation item) => item.Action switch
    {
        RecommendedAction.Vacuum => "Run VACUUM",
        RecommendedAction.Optimize when item.ZOrderBy.Count > 0 => $"Run OPTIMIZE ZORDER BY ({string.Join(", ", item.ZOrderBy)})",
        RecommendedAction.Optimize => "Run OPTIMIZE",
        RecommendedAction.Tiering => "Run the tiering plan",
        _ => "",
    };

    /// <summary>The table page of a table in the SQL catalog; null for a table elsewhere (no page to open).</summary>
    private static string? TableHref(string table) =>
        table.Split('.') is [var catalog, var schema, var name] && string.Equals(catalog, TableName.Catalog, StringComparison.OrdinalIgnoreCase)
            ? CatalogTree.TableHref(schema, name)
            : null;

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
