using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Metering;

namespace NeuroLake.Tests.Admission;

public sealed class WorkloadAdmissionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Interactive_queries_run_while_every_heavy_slot_is_taken()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 1, InteractiveConcurrency = 2 });
        using var load = await admission.AdmitAsync(WorkloadClass.Ingestion);
        var queuedLoad = admission.AdmitAsync(WorkloadClass.Ingestion).AsTask();

        using var first = await admission.AdmitAsync(WorkloadClass.InteractiveQuery).AsTask().WaitAsync(Patience);
        using var second = await admission.AdmitAsync(WorkloadClass.InteractiveQuery).AsTask().WaitAsync(Patience);

        Assert.False(queuedLoad.IsCompleted);
        Assert.Equal(2, admission.Running()[WorkloadClass.InteractiveQuery]);
        load.Dispose();
        (await queuedLoad.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Heavy_work_past_the_limit_queues_in_arrival_order_with_its_position()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 1, MaintenanceConcurrency = 1 });
        var running = await admission.AdmitAsync(WorkloadClass.Ingestion);
        AdmissionWait? optimizeWait = null, loadWait = null;
        var optimize = admission.AdmitAsync(WorkloadClass.Maintenance, w => optimizeWait = w).AsTask();
        var load = admission.AdmitAsync(WorkloadClass.Ingestion, w => loadWait = w).AsTask();

        Assert.Equal(1, optimizeWait!.Position);
        Assert.Equal(2, loadWait!.Position);
        Assert.Equal(1, admission.Queued()[WorkloadClass.Maintenance]);

        running.Dispose();
        var optimizing = await optimize.WaitAsync(Patience);
        Assert.Null(optimizeWait.Position);
        Assert.Equal(1, loadWait.Position);
        Assert.False(load.IsCompleted);

        optimizing.Dispose();
        (await load.WaitAsync(Patience)).Dispose();
        Assert.Empty(admission.Queued());
    }

    [Fact]
    public async Task A_class_limit_holds_inside_a_larger_heavy_pool()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 3, MaintenanceConcurrency = 1 });
        using var vacuum = await admission.AdmitAsync(WorkloadClass.Maintenance);
        var optimize = admission.AdmitAsync(WorkloadClass.Maintenance).AsTask();

        // A load competes with maintenance for the heavy pool only, which has room: it does not wait behind the OPTIMIZE.
        using var load = await admission.AdmitAsync(WorkloadClass.Ingestion).AsTask().WaitAsync(Patience);

        Assert.False(optimize.IsCompleted);
        vacuum.Dispose();
        (await optimize.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task Cancelling_a_queued_wait_gives_up_its_place_and_the_next_moves_up()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 1 });
        var running = await admission.AdmitAsync(WorkloadClass.Ingestion);
        using var cancel = new CancellationTokenSource();
        AdmissionWait? secondWait = null;
        var first = admission.AdmitAsync(WorkloadClass.Ingestion, ct: cancel.Token).AsTask();
        var second = admission.AdmitAsync(WorkloadClass.Backup, w => secondWait = w).AsTask();
        Assert.Equal(2, secondWait!.Position);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        Assert.Equal(1, secondWait.Position);
        running.Dispose();
        (await second.WaitAsync(Patience)).Dispose();
        Assert.DoesNotContain(admission.Running(), r => r.Value > 0);
    }

    [Fact]
    public async Task A_ticket_disposed_twice_frees_one_slot()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 2, IngestionConcurrency = 2 });
        var one = await admission.AdmitAsync(WorkloadClass.Ingestion);
        using var two = await admission.AdmitAsync(WorkloadClass.Ingestion);

        one.Dispose();
        one.Dispose();

        using var three = await admission.AdmitAsync(WorkloadClass.Ingestion).AsTask().WaitAsync(Patience);
        Assert.False(admission.AdmitAsync(WorkloadClass.Ingestion).AsTask().IsCompleted);
    }

    [Fact]
    public async Task Turned_off_it_admits_everything_at_once()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { Enabled = false, HeavyConcurrency = 1 });

        var tickets = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => admission.AdmitAsync(WorkloadClass.Maintenance).AsTask()));

        Assert.Equal(5, tickets.Length);
        Assert.Empty(admission.Queued());
    }

    [Theory]
    [InlineData(2, 1, 4)]
    [InlineData(8, 4, 16)]
    [InlineData(1, 1, 4)]
    public void Defaults_keep_half_the_cores_for_interactive_queries(int cores, int heavy, int interactive)
    {
        var limits = new AdmissionOptions().Resolve(cores);

        Assert.Equal(heavy, limits.Heavy);
        Assert.Equal(interactive, limits.PerClass[WorkloadClass.InteractiveQuery]);
        Assert.Equal(heavy, limits.PerClass[WorkloadClass.Ingestion]);
        Assert.Equal(1, limits.PerClass[WorkloadClass.Maintenance]);
    }

    [Fact]
    public void A_limit_of_zero_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new AdmissionOptions { MaintenanceConcurrency = 0 }.Resolve(4));

        Assert.Contains("NeuroLake:Admission:MaintenanceConcurrency", error.Message);
    }
}
