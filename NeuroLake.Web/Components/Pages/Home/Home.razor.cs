using Microsoft.AspNetCore.Components;
using NeuroLake.Web.Health;

namespace NeuroLake.Web.Components.Pages.Home;

/// <summary>The landing page: quick actions, recent tables, and whether the engine is alive and how it is configured.</summary>
public partial class Home
{
    [Inject]
    private EngineStatusProbe Probe { get; set; } = default!;

    private EngineStatus Status { get; set; } = default!;

    protected override void OnInitialized() => Status = Probe.Check();

    private void CheckAgain() => Status = Probe.Check();
}
