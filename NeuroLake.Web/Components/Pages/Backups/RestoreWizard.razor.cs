using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Governance.Audit;
using NeuroLake.Web.Api;
using NeuroLake.Web.Backups;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Backups;

/// <summary>
/// The restore wizard: choose a set, its tables, the target (new names, or in place after a safety backup), read what
/// will happen, confirm, then follow the restore. The target is checked (<see cref="RestorePlanner"/>) before the preview,
/// and the restore is audited like the API's.
/// </summary>
public sealed partial class RestoreWizard
{
    private const int SetStep = 0;
    private const int TablesStep = 1;
    private const int TargetStep = 2;
    private const int PreviewStep = 3;
    private const int ResultStep = 4;
    private static readonly string[] StepTitles = ["set", "tables", "target", "preview", "result"];

    private readonly List<string> _tables = [];
    private readonly Dictionary<string, string> _newNames = new(StringComparer.Ordinal);
    private int _step;
    private bool _inPlace;
    private bool _running;
    private double _fraction;
    private string _activity = "";
    private List<string> _result = [];
    private string? _error;

    /// <summary>The sets offered (usable or unverified; the restore verifies again). Required.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<BackupSetInfo> Sets { get; set; } = [];

    /// <summary>The set chosen first (the row the wizard was opened from); must be one of <see cref="Sets"/>. Required.</summary>
    [Parameter, EditorRequired]
    public string SetId { get; set; } = "";

    /// <summary>Called when the user closes or cancels the wizard.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Called after a restore succeeded (the page lists sets again: an in-place restore adds a safety set).</summary>
    [Parameter]
    public EventCallback OnRestored { get; set; }

    [Inject]
    private LakehouseBackups Backups { get; set; } = null!;

    [Inject]
    private RestorePlanner Planner { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    [Inject]
    private AuditLog Audit { get; set; } = null!;

    [Inject]
    private IOptions<NeuroLakeOptions> Options { get; set; } = null!;

    private string SelectedSetId { get; set; } = "";

    private BackupSetInfo Chosen => Sets.Single(s => s.SetId == SelectedSetId);

    private bool CanGoOn => _step switch
    {
        SetStep => Sets.Any(s => s.SetId == SelectedSetId),
        TablesStep => _tables.Count > 0,
        _ => true,
    };

    protected override void OnInitialized()
    {
        if (!Sets.Any(s => s.SetId == SetId))
        {
            throw new ArgumentException($"SetId '{SetId}' is not one of the Sets offered.", nameof(SetId));
        }

        SelectedSetId = SetId;
    }

    private void Toggle(string table, bool on)
    {
        _tables.Remove(table);
        if (on)
        {
            _tables.Add(table);
            _newNames.TryAdd(table, table + "_restored");
        }
    }

    private void Back()
    {
        _error = null;
        _step--;
    }

    private async Task NextAsync()
    {
        _error = null;
        if (_step == SetStep)
        {
            _tables.RemoveAll(t => !Chosen.Tables.Any(c => c.Name == t));
        }

        if (_step == TargetStep && !await CheckTargetAsync())
        {
            return;
        }

        _step++;
    }

    private async Task<bool> CheckTargetAsync()
    {
        try
        {
            if (_inPlace)
            {
                await Planner.InPlaceAsync(Chosen, [.. _tables.Select(t => new RestoreChoice(t, null))], CancellationToken.None);
            }
            else
            {
                await Planner.NewNamesAsync(Chosen, [.. _tables.Select(t => new RestoreChoice(t, _newNames[t]))], CancellationToken.None);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = ServerFolderText.Strip(e.Message, Options.Value);
            return false;
        }
    }

    private long VersionInSet(string table) => Chosen.Tables.Single(t => t.Name == table).Version;

    private async Task RestoreAsync()
    {
        (_step, _running, _result, _error) = (ResultStep, true, [], null);
        var setId = SelectedSetId;
        try
        {
            _result = _inPlace ? await InPlaceAsync(setId) : await UnderNewNamesAsync(setId);
            await OnRestored.InvokeAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = ServerFolderText.Strip(e.Message, Options.Value);
        }
        finally
        {
            _running = false;
        }
    }

    private async Task<List<string>> InPlaceAsync(string setId)
    {
        var progress = new ProgressReporter(p =>
        {
            (_fraction, _activity) = (p.Fraction, p.Step);
            _ = InvokeAsync(StateHasChanged);
        });
        var done = await Audit.TrackAsync(User.Name, AuditAction.Restore, $"backup {setId}", $"In-place restore of {string.Join(", ", _tables)} (after a safety backup)",
            () => Backups.RestoreInPlaceAsync(setId, [.. _tables], CancellationToken.None, progress));
        return [$"Safety backup taken first: set {done.SafetySetId}.",
            .. done.Tables.Select(t => $"{t.Name}: version {t.Version} holds the set's rows (version {t.PreviousVersion} before the restore is still readable).")];
    }

    private async Task<List<string>> UnderNewNamesAsync(string setId)
    {
        var plan = await Planner.NewNamesAsync(Chosen, [.. _tables.Select(t => new RestoreChoice(t, _newNames[t]))], CancellationToken.None);
        return await Audit.TrackAsync(User.Name, AuditAction.Restore, $"backup {setId}", $"Restore of {string.Join(", ", plan.Select(p => $"{p.Name} as {p.Target}"))}", async () =>
        {
            var lines = new List<string>();
            foreach (var (table, i) in plan.Select((t, i) => (t, i)))
            {
                (_fraction, _activity) = ((double)i / plan.Count, $"restoring {table.Name} as {table.Target}");
                await InvokeAsync(StateHasChanged);
                var version = await Backups.RestoreTableAsync(setId, table.Name, table.Catalog, table.Schema, table.Table, CancellationToken.None);
                lines.Add($"{table.Name} restored as {table.Target} (version {version}).");
            }

            return lines;
        });
    }
}
