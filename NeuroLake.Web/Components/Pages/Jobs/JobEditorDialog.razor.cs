using Microsoft.AspNetCore.Components;
using MudBlazor;
using NeuroLake.Engine.Errors;
using NeuroLake.Engine.Jobs;
using NeuroLake.Web.Identity;
using NeuroLake.Web.Jobs;

namespace NeuroLake.Web.Components.Pages.Jobs;

public partial class JobEditorDialog
{
    private string? _error;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [Inject]
    private JobScheduler Scheduler { get; set; } = null!;

    [Inject]
    private IWorkbenchUser User { get; set; } = null!;

    /// <summary>The job being edited; null creates a new one.</summary>
    [Parameter]
    public Guid? JobId { get; set; }

    [Parameter]
    public JobForm Form { get; set; } = new();

    private string CronHelp
    {
        get
        {
            try
            {
                return CronSchedule.Parse(Form.Cron, Form.TimeZone).Describe();
            }
            catch (JobException)
            {
                return "minute hour day-of-month month day-of-week";
            }
        }
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        try
        {
            var draft = Form.ToDraft();
            var saved = JobId is { } id
                ? await Scheduler.UpdateAsync(id, draft, User.Name, CancellationToken.None)
                : await Scheduler.CreateAsync(draft, User.Name, CancellationToken.None);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (NeuroLakeException e)
        {
            _error = e.Message;
        }
    }
}
