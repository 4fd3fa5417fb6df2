// Draws a lineage graph with cytoscape and the dagre layout (bundled from wwwroot-assets/src/graph.js).
import cytoscape from '../../../lib/cytoscape/cytoscape-dagre.mjs';

const style = [
    { selector: 'node', style: { 'label': 'data(label)', 'shape': 'round-rectangle', 'width': 'label', 'height': 28, 'padding': '10px', 'font-size': 12, 'text-valign': 'center', 'text-halign': 'center', 'background-color': '#e7f1ff', 'border-width': 1, 'border-color': '#0d6efd', 'color': '#052c65' } },
    { selector: 'node[kind = "File"]', style: { 'shape': 'tag', 'background-color': '#fff3cd', 'border-color': '#997404', 'color': '#332701' } },
    { selector: 'node[kind = "Column"]', style: { 'height': 22, 'font-size': 11, 'background-color': '#ffffff' } },
    { selector: 'node[?isStart]', style: { 'border-width': 3, 'font-weight': 'bold' } },
    { selector: ':parent', style: { 'text-valign': 'top', 'text-halign': 'center', 'background-opacity': 0.35, 'padding': '12px' } },
    { selector: 'node[href]', style: { 'cursor': 'pointer' } },
    { selector: 'edge', style: { 'label': 'data(label)', 'font-size': 10, 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': '#6c757d', 'target-arrow-color': '#6c757d' } },
];

function toElements(graph) {
    return [
        ...graph.nodes.map(n => ({ group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind, parent: n.parent ?? undefined, href: n.href ?? undefined, isStart: n.isStart } })),
        ...graph.edges.map(e => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label, tooltip: e.tooltip } })),
    ];
}

export function init(container, dotnet) {
    const cy = cytoscape({ container, style, elements: [], wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 1.5 });
    const layout = () => cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 90 }).run();

    cy.on('tap', 'node[href]', event => {
        if (event.target.isParent() || event.target.data('kind') !== 'Column') {
            dotnet.invokeMethodAsync('OpenNode', event.target.data('href')).catch(() => { /* circuit gone */ });
        }
    });
    cy.on('mouseover', 'edge', event => { container.title = event.target.data('tooltip'); });
    cy.on('mouseout', 'edge', () => { container.title = ''; });

    return {
        // First draw: everything new, then fit.
        draw(graph) {
            cy.elements().remove();
            cy.add(toElements(graph));
            layout();
            cy.fit(undefined, 30);
        },
        // Update: keep what stays, add and remove the difference, lay out again.
        update(graph) {
            const next = toElements(graph);
            const ids = new Set(next.map(e => e.data.id));
            cy.elements().filter(e => !ids.has(e.id())).remove();
            cy.add(next.filter(e => cy.getElementById(e.data.id).empty()));
            layout();
            cy.fit(undefined, 30);
        },
        dispose() {
            cy.destroy();
        },
    };
}
