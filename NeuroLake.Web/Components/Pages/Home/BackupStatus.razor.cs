using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using NeuroLake.Engine.Configuration;
using NeuroLake.Web.Api;
using NeuroLake.Web.Backups;

namespace NeuroLake.Web.Components.Pages.Home;

/// <summary>
/// Home's backup section for administrators: the newest set's age, a warning when the backup schedules promise a newer
/// one or none is scheduled, and the latest backup run when it failed.
/// </summary>
public partial class BackupStatus
{
    private BackupHealthReport? _report;
    private string? _error;

    [Inject]
    private BackupHealth Health { get; set; } = default!;

    [Inject]
    private IOptions<NeuroLakeOptions> Options { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _report = await Health.CheckAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException) // an unreachable repository is shown in place, not a broken Home
        {
            _error = ServerFolderText.Strip(e.Message, Options.Value);
        }
    }
}
