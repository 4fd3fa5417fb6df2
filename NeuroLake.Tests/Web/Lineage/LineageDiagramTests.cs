using Bunit;
using Microsoft.AspNetCore.Components;
using NeuroLake.Tests.Web.Components;
using NeuroLake.Web.Components.Layout;
using NeuroLake.Web.Components.Pages.Lineage;

namespace NeuroLake.Tests.Web.Lineage;

/// <summary>The lineage graph's controls and theme: zoom and fit reach the graph module, a palette change re-colours it.</summary>
public sealed class LineageDiagramTests : MudComponentTest
{
    private static readonly GraphElements Elements = new(
        [
            new GraphNode("main.s.a", "s.a", GraphNodeKind.Table, null, "catalog/s/a", true),
            new GraphNode("main.s.b", "s.b", GraphNodeKind.Table, null, "catalog/s/b", false),
        ],
        [new GraphEdge("main.s.a->main.s.b", "main.s.a", "main.s.b", "statement", "statement 1: CREATE TABLE s.b AS SELECT * FROM s.a")]);

    [Fact]
    public void Zoom_in_zoom_out_and_fit_reach_the_graph()
    {
        var graph = Context.JSInterop.SetupModule("./Components/Pages/Lineage/LineageDiagram.razor.js").SetupModule(i => i.Identifier == "init", false);
        var diagram = Render<LineageDiagram>(p => p.Add(d => d.Elements, Elements).Add(d => d.Label, "Lineage graph of main.s.a"));

        diagram.WaitForAssertion(() => Assert.False(Button(diagram, "Zoom in").HasAttribute("disabled")));
        Button(diagram, "Zoom in").Click();
        Button(diagram, "Zoom out").Click();
        diagram.FindAll("button").Single(b => b.TextContent.Trim() == "Fit").Click();

        Assert.Equal(["draw", "zoomIn", "zoomOut", "fit"], graph.Invocations.Select(i => i.Identifier));
        Assert.Same(Elements, graph.Invocations["draw"][0].Arguments[0]);
    }

    [Fact]
    public void A_palette_change_recolours_the_graph_without_redrawing_it()
    {
        var graph = Context.JSInterop.SetupModule("./Components/Pages/Lineage/LineageDiagram.razor.js").SetupModule(i => i.Identifier == "init", false);
        var host = Context.Render<CascadingValue<WorkbenchPalette>>(p => p
            .Add(c => c.Value, WorkbenchPalette.Light)
            .Add(c => c.IsFixed, false)
            .AddChildContent<LineageDiagram>(d => d.Add(x => x.Elements, Elements).Add(x => x.Label, "Lineage graph")));
        host.WaitForAssertion(() => Assert.Single(graph.Invocations["draw"]));

        host.Render(p => p
            .Add(c => c.Value, WorkbenchPalette.Dark)
            .AddChildContent<LineageDiagram>(d => d.Add(x => x.Elements, Elements).Add(x => x.Label, "Lineage graph")));

        host.WaitForAssertion(() => Assert.Equal(WorkbenchPalette.Dark, Assert.Single(graph.Invocations["setPalette"]).Arguments[0]));
        Assert.Single(graph.Invocations["draw"]);
        Assert.Equal(WorkbenchPalette.Light, graph.Invocations["draw"][0].Arguments[1]);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<LineageDiagram> diagram, string label) =>
        diagram.Find($"button[aria-label='{label}']");
}
