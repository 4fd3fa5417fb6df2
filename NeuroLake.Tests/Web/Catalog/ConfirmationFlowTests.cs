using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Web.Components.Pages.Catalog;

namespace NeuroLake.Tests.Web.Catalog;

public sealed class ConfirmationFlowTests
{
    [Fact]
    public async Task A_prepared_action_waits_for_confirmation_and_runs_with_the_preview_shown()
    {
        var flow = new ConfirmationFlow<string, string>();
        var ran = new List<string>();

        await flow.PrepareAsync(() => Task.FromResult("restore 1"));

        Assert.Equal(FlowStage.Confirming, flow.Stage);
        Assert.Equal("restore 1", flow.Preview);
        Assert.Empty(ran);

        await flow.ConfirmAsync(preview =>
        {
            ran.Add(preview);
            return Task.FromResult("version 3");
        });

        Assert.Equal(["restore 1"], ran);
        Assert.Equal((FlowStage.Done, "version 3"), (flow.Stage, flow.Result));
    }

    [Fact]
    public async Task Cancelling_a_preview_runs_nothing_and_a_later_confirm_is_ignored()
    {
        var flow = new ConfirmationFlow<string, string>();
        var ran = false;
        await flow.PrepareAsync(() => Task.FromResult("delete 4 files"));

        flow.Cancel();
        await flow.ConfirmAsync(_ =>
        {
            ran = true;
            return Task.FromResult("done");
        });

        Assert.False(ran);
        Assert.Equal(FlowStage.Idle, flow.Stage);
        Assert.Null(flow.Preview);
    }

    [Fact]
    public async Task A_refused_preview_or_run_ends_failed_with_the_engine_message()
    {
        var flow = new ConfirmationFlow<string, string>();

        await flow.PrepareAsync(() => throw new VersionNotFoundException("Version 9 of the table does not exist: the log covers versions 0 to 3."));

        Assert.Equal(FlowStage.Failed, flow.Stage);
        Assert.Contains("9", flow.Error);
        Assert.Null(flow.Preview);

        await flow.RunAsync(() => Task.FromResult("ok"));
        Assert.Equal((FlowStage.Done, null), (flow.Stage, flow.Error));
    }

    [Fact]
    public async Task Nothing_new_starts_while_an_action_runs()
    {
        var flow = new ConfirmationFlow<string, string>();
        var release = new TaskCompletionSource<string>();
        var running = flow.RunAsync(() => release.Task);

        Assert.True(flow.IsBusy);
        await flow.PrepareAsync(() => Task.FromResult("second"));
        flow.Cancel();

        Assert.Equal(FlowStage.Running, flow.Stage);
        release.SetResult("first");
        await running;
        Assert.Equal("first", flow.Result);
    }
}
