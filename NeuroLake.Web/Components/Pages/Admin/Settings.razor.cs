using System.Globalization;
using Microsoft.AspNetCore.Components;
using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Jobs;
using NeuroLake.Engine.Settings;
using NeuroLake.Web.Settings;
using NeuroLake.Web.Identity;

namespace NeuroLake.Web.Components.Pages.Admin;

/// <summary>
/// Admin → Settings: the run-time settings (<see cref="SettingsStore"/>) as a form. Each field shows the configured
/// value and who overrode it; saving validates every field, and a refused save lists each problem and keeps the draft.
/// </summary>
public partial class Settings
{
    private SettingsDraft _draft = new();
    private IReadOnlyList<string> _problems = [];
    private string? _saved;
    private bool _saving;

    [Inject]
    private SettingsStore Store { get; set; } = default!;

    [Inject]
    private IWorkbenchUser User { get; set; } = default!;

    [Inject]
    private SignInMode Mode { get; set; } = default!;

    protected override void OnInitialized() => ResetDraft();

    private void ResetDraft()
    {
        _draft = SettingsDraft.From(Store.Current);
        _problems = [];
    }

    private string Helper(string key)
    {
        var configured = SettingsDraft.Text(key, Store.Configured);
        return Store.Overrides.TryGetValue(key, out var change)
            ? string.Create(CultureInfo.InvariantCulture, $"Configured: {configured}. Set by {change.By} on {change.At:yyyy-MM-dd HH:mm} UTC.")
            : $"Configured: {configured}.";
    }

    private string NewTableCronHelp
    {
        get
        {
            try
            {
                return CronSchedule.Parse(_draft.NewTableCron).Describe();
            }
            catch (JobException e)
            {
                return e.Message;
            }
        }
    }

    private async Task SaveAsync()
    {
        _saved = null;
        var (next, parseProblems) = _draft.ToSettings(Store.Current);
        if (parseProblems.Count > 0)
        {
            _problems = parseProblems;
            return;
        }

        _saving = true;
        try
        {
            await Store.SaveAsync(next!, User.Name);
            _problems = [];
            _saved = "Saved. The new values apply from the next statement, upload, clean-up and new table.";
            _draft = SettingsDraft.From(Store.Current);
        }
        catch (SettingsException e)
        {
            _problems = e.Problems;
        }
        finally
        {
            _saving = false;
        }
    }
}
