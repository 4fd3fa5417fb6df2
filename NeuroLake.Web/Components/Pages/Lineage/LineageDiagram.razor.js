// Draws a lineage graph with cytoscape (bundled from wwwroot-assets/src/graph.js). Nodes are placed by our own dagre
// run over tables and files: a table is as tall as the columns it lists (column lineage), files sit one rank before
// the table they were loaded into, and an edge that spans several ranks follows the channel dagre kept free for it,
// so edges do not cross nodes. Colours come from the theme's palette and change with it.
import cytoscape, { dagre } from '../../../lib/cytoscape/cytoscape-dagre.mjs';

const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const font = `12px ${fontFamily}`;
const columnHeight = 22;
const columnGap = 4;
const padding = 8;
const header = 24;
const tableHeight = 34;

let measure;
function textWidth(text) {
    measure ??= document.createElement('canvas').getContext('2d');
    measure.font = font;
    return Math.ceil(measure.measureText(text ?? '').width);
}

function style(palette, columnLevel) {
    return [
        {
            selector: 'node', style: {
                'label': 'data(label)', 'shape': 'round-rectangle', 'width': 'data(w)', 'height': 'data(h)', 'font-size': 12,
                'font-family': fontFamily, 'text-valign': 'center', 'text-halign': 'center',
                'background-color': palette.surface, 'border-width': 1.5, 'border-color': palette.primary, 'color': palette.text,
            },
        },
        { selector: 'node[kind = "File"]', style: { 'shape': 'tag', 'border-color': palette.warning, 'border-style': 'dashed' } },
        { selector: 'node[kind = "Column"]', style: { 'font-size': 11, 'background-color': palette.background, 'border-color': palette.lines, 'border-width': 1 } },
        {
            selector: ':parent', style: {
                'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -4, 'font-weight': 'bold', 'padding': padding,
                'background-color': palette.primary, 'background-opacity': 0.08, 'min-width': 'data(minW)',
            },
        },
        { selector: 'node[?isStart]', style: { 'border-width': 3, 'font-weight': 'bold' } },
        { selector: 'node[href]', style: { 'cursor': 'pointer' } },
        {
            selector: 'edge', style: {
                'label': columnLevel ? '' : 'data(label)', 'font-size': 10, 'color': palette.mutedText, 'text-rotation': 'autorotate',
                'text-background-color': palette.surface, 'text-background-opacity': 1, 'text-background-padding': 2,
                'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'arrow-scale': 0.9,
                'line-color': palette.mutedText, 'target-arrow-color': palette.mutedText,
            },
        },
        // Column edges leave a column's right side and enter the next column's left side.
        { selector: 'edge.columns', style: { 'source-endpoint': '50% 0%', 'target-endpoint': '-50% 0%' } },
        { selector: 'edge.routed', style: { 'curve-style': 'round-segments', 'segment-radius': 12, 'segment-weights': 'data(weights)', 'segment-distances': 'data(distances)' } },
        { selector: 'edge.routed.columns', style: { 'edge-distances': 'endpoints' } },
        { selector: 'edge.routed[!columns]', style: { 'edge-distances': 'node-position' } },
        { selector: 'edge:selected, edge.hover', style: { 'line-color': palette.primary, 'target-arrow-color': palette.primary, 'width': 2.5, 'z-index': 10 } },
    ];
}

// The boxes dagre places: tables (with the columns they hold) and files.
function boxes(graph) {
    const columns = new Map();
    for (const node of graph.nodes.filter(n => n.kind === 'Column')) {
        if (!columns.has(node.parent)) {
            columns.set(node.parent, []);
        }
        columns.get(node.parent).push(node);
    }
    return graph.nodes.filter(n => n.kind !== 'Column').map(node => {
        const held = columns.get(node.id) ?? [];
        const labelWidth = textWidth(node.label) + (node.isStart ? 36 : 28);
        if (held.length === 0) {
            return { node, held, width: labelWidth + (node.kind === 'File' ? 12 : 0), height: tableHeight };
        }
        const inner = Math.max(...held.map(c => textWidth(c.label) + 20));
        const body = held.length * columnHeight + (held.length - 1) * columnGap + 2 * padding;
        return { node, held, inner, width: Math.max(inner + 2 * padding, labelWidth), height: body + header, body };
    });
}

function layout(graph) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 110, edgesep: 16, marginx: 20, marginy: 20 });
    g.setDefaultEdgeLabel(() => ({}));
    const placed = boxes(graph);
    for (const box of placed) {
        g.setNode(box.node.id, { width: box.width, height: box.height });
    }
    const owner = new Map(graph.nodes.map(n => [n.id, n.parent ?? n.id]));
    const fileIds = new Set(graph.nodes.filter(n => n.kind === 'File').map(n => n.id));
    for (const edge of graph.edges) {
        const from = owner.get(edge.source), to = owner.get(edge.target);
        if (from && to && from !== to && !g.hasEdge(from, to)) {
            // A heavy, short edge keeps a file right beside the table it was loaded into.
            g.setEdge(from, to, fileIds.has(from) ? { weight: 5, minlen: 1 } : { weight: 1, minlen: 1 });
        }
    }
    dagre.layout(g);
    return { g, placed, owner };
}

function toElements(graph) {
    const { g, placed, owner } = layout(graph);
    const elements = [];
    for (const box of placed) {
        const at = g.node(box.node.id);
        const data = { id: box.node.id, label: box.node.label, kind: box.node.kind, href: box.node.href ?? undefined, isStart: box.node.isStart };
        if (box.held.length === 0) {
            elements.push({ group: 'nodes', data: { ...data, w: box.width, h: box.height }, position: { x: at.x, y: at.y } });
            continue;
        }
        elements.push({ group: 'nodes', data: { ...data, w: box.width, h: box.body, minW: box.width - 2 * padding } });
        const top = at.y - box.height / 2 + header + padding;
        box.held.forEach((column, i) => elements.push({
            group: 'nodes',
            data: { id: column.id, label: column.label, kind: 'Column', parent: box.node.id, w: box.inner, h: columnHeight },
            position: { x: at.x, y: top + columnHeight / 2 + i * (columnHeight + columnGap) },
        }));
    }
    for (const edge of graph.edges) {
        const from = owner.get(edge.source), to = owner.get(edge.target);
        const columns = from !== edge.source && to !== edge.target;
        const points = from && to && from !== to ? g.edge(from, to)?.points ?? [] : [];
        elements.push({
            group: 'edges',
            classes: columns ? 'columns' : '',
            data: { id: edge.id, source: edge.source, target: edge.target, label: edge.label, tooltip: edge.tooltip, columns, waypoints: points.slice(1, -1) },
        });
    }
    return elements;
}

// An edge spanning more than one rank goes through dagre's waypoints, given to cytoscape as weights along and
// distances across the straight line between its ends.
function route(cy) {
    cy.edges().forEach(edge => {
        const waypoints = edge.data('waypoints');
        if (!waypoints || waypoints.length < 2) {
            return;
        }
        const columns = edge.data('columns');
        const s = edge.source(), t = edge.target();
        const a = columns ? { x: s.position('x') + s.width() / 2, y: s.position('y') } : s.position();
        const b = columns ? { x: t.position('x') - t.width() / 2, y: t.position('y') } : t.position();
        const vx = b.x - a.x, vy = b.y - a.y, length = Math.hypot(vx, vy);
        if (length < 1) {
            return;
        }
        const weights = [], distances = [];
        for (const p of waypoints) {
            const px = p.x - a.x, py = p.y - a.y;
            weights.push((px * vx + py * vy) / (length * length));
            distances.push((px * -vy + py * vx) / length);
        }
        edge.data({ weights, distances });
        edge.addClass('routed');
    });
}

export function init(container, dotnet) {
    const cy = cytoscape({ container, style: [], elements: [], wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 2.5, autoungrabify: true });
    let palette = null;
    let columnLevel = false;

    cy.on('tap', 'node[href]', event => {
        if (event.target.isParent() || event.target.data('kind') !== 'Column') {
            dotnet.invokeMethodAsync('OpenNode', event.target.data('href')).catch(() => { /* circuit gone */ });
        }
    });
    cy.on('mouseover', 'edge', event => { event.target.addClass('hover'); container.title = event.target.data('tooltip'); });
    cy.on('mouseout', 'edge', event => { event.target.removeClass('hover'); container.title = ''; });

    const draw = (graph, themePalette) => {
        palette = themePalette;
        columnLevel = graph.nodes.some(n => n.kind === 'Column');
        cy.batch(() => {
            cy.elements().remove();
            cy.style(style(palette, columnLevel));
            cy.add(toElements(graph));
        });
        route(cy);
        cy.fit(undefined, 30);
    };

    const zoomBy = factor => cy.zoom({
        level: Math.min(Math.max(cy.zoom() * factor, cy.minZoom()), cy.maxZoom()),
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });

    return {
        // First draw and update are the same: the layout is a function of the graph, so nodes that stay keep their place.
        draw,
        update: draw,
        setPalette(themePalette) {
            palette = themePalette;
            cy.style(style(palette, columnLevel));
        },
        zoomIn: () => zoomBy(1.25),
        zoomOut: () => zoomBy(0.8),
        fit: () => cy.fit(undefined, 30),
        dispose() {
            cy.destroy();
        },
    };
}
