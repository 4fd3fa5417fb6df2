using System.Collections.Concurrent;
using System.Diagnostics;
using NeuroLake.Engine.Telemetry;

namespace NeuroLake.Tests.Web.Api;

/// <summary>An ingestion is one <c>ingestion</c> span with a child span per phase, timed as the phases ran.</summary>
public sealed class IngestionTracingTests : IClassFixture<WorkbenchAppFactory>
{
    private readonly WorkbenchAppFactory _app;

    public IngestionTracingTests(WorkbenchAppFactory app) => _app = app;

    [Fact]
    public async Task An_ingestion_span_has_detect_write_and_commit_children_in_order()
    {
        var table = "traced_" + Guid.NewGuid().ToString("N")[..8] + ".cities";
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = _app.CreateClient();

        using var response = await client.PostAsync($"/api/v1/ingest?table={table}", new StringContent("id,city\n1,Oslo\n2,Lima\n3,Pune\n"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var root = Assert.Single(spans, s => s.OperationName == "ingestion" && (s.GetTagItem("neurolake.table") as string)?.EndsWith(table, StringComparison.Ordinal) == true);
        var phases = spans.Where(s => s.ParentSpanId == root.SpanId && s.OperationName.StartsWith("ingestion.", StringComparison.Ordinal)).OrderBy(s => s.StartTimeUtc).ToList();
        // The write checks every value itself (one pass), so a quarantining load has no separate profile span.
        Assert.Equal(["ingestion.detect", "ingestion.write", "ingestion.commit"], phases.Select(p => p.OperationName).Distinct());
        Assert.All(phases, p => Assert.InRange(p.StartTimeUtc, root.StartTimeUtc, root.StartTimeUtc + root.Duration));
        Assert.All(phases.Zip(phases.Skip(1)), pair => Assert.True(pair.First.StartTimeUtc + pair.First.Duration <= pair.Second.StartTimeUtc + TimeSpan.FromTicks(1)));
        Assert.Equal(root.TraceId, phases[0].TraceId);
    }
}
