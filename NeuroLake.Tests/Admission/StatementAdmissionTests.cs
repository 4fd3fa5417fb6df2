using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Query.Service;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Query.Service;

namespace NeuroLake.Tests.Admission;

/// <summary>Statements through the query service take slots of their workload class: writes queue visibly, reads do not wait for them.</summary>
public sealed class StatementAdmissionTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly WorkloadAdmission _admission = new(new AdmissionOptions { HeavyConcurrency = 1, MaintenanceConcurrency = 1 });

    protected override WorkloadAdmission AdmissionForService => _admission;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Run("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT 1 AS id");
    }

    [Fact]
    public async Task A_write_waits_with_its_position_while_the_heavy_slot_is_taken_and_queries_still_run()
    {
        var held = await _admission.AdmitAsync(WorkloadClass.Maintenance);
        var progress = new QueryProgress();

        var insert = Service.ExecuteAsync("INSERT INTO s.t VALUES (2)", Request() with { Progress = progress });
        await UntilQueuedAsync(progress);

        Assert.Equal("queued", progress.Phase);
        Assert.Equal(WorkloadClass.Ingestion, progress.QueuedFor);
        Assert.Equal([[1L]], await Rows("SELECT count(*) FROM s.t"));
        Assert.False(insert.IsCompleted);

        held.Dispose();
        await insert.WaitAsync(Patience);
        Assert.Null(progress.QueuedPosition);
        Assert.Equal([[2L]], await Rows("SELECT count(*) FROM s.t"));
    }

    [Fact]
    public async Task A_queued_write_that_is_cancelled_leaves_the_queue_and_writes_nothing()
    {
        var held = await _admission.AdmitAsync(WorkloadClass.Ingestion);
        var progress = new QueryProgress();
        using var cancel = new CancellationTokenSource();

        var optimize = Service.ExecuteAsync("OPTIMIZE s.t", Request() with { Progress = progress }, cancel.Token);
        await UntilQueuedAsync(progress);
        Assert.Equal(WorkloadClass.Maintenance, progress.QueuedFor);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => optimize.WaitAsync(Patience));
        Assert.Empty(_admission.Queued());
        held.Dispose();
        Assert.Single((await Run("DESCRIBE HISTORY s.t"))[^1].Rows);
    }

    private static async Task UntilQueuedAsync(QueryProgress progress)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (progress.QueuedPosition != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "The statement never queued.");
            await Task.Delay(20);
        }
    }
}
