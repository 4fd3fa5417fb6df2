using Bunit;
using NeuroLake.Engine.Admission;
using NeuroLake.Engine.Metering;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Pages.Sql;

namespace NeuroLake.Tests.Web.Sql;

/// <summary>The editor's status line for a running statement.</summary>
public sealed class RunStatusViewTests : MudComponentTest
{
    [Fact]
    public async Task A_statement_waiting_for_a_slot_shows_its_place_in_the_queue()
    {
        var admission = new WorkloadAdmission(new AdmissionOptions { HeavyConcurrency = 1 });
        using var running = await admission.AdmitAsync(WorkloadClass.Maintenance);
        var first = new QueryRunState(new ScriptPart("OPTIMIZE s.a", 1));
        var second = new QueryRunState(new ScriptPart("INSERT INTO s.t VALUES (1)", 1));
        _ = admission.AdmitAsync(WorkloadClass.Maintenance, first.Progress.Queue);
        _ = admission.AdmitAsync(WorkloadClass.Ingestion, second.Progress.Queue);

        var view = Render<RunStatusView>(p => p.Add(v => v.Run, second));

        Assert.Contains("queued, position 2 (waiting for a free load slot)", view.Find("[role=status]").TextContent);
    }
}
