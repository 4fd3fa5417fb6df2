// File cache samples: hit rate per interval (top, % of lookups; gaps where an interval had none) and evictions per interval (bottom).
import { loadPlotly } from '../../../js/plotly-loader.js';

function traces(points, options) {
    const { palette } = options;
    const x = points.map(p => p.at);
    return [
        {
            type: 'scatter', mode: 'lines+markers', name: 'hit rate', x, y: points.map(p => p.hitRate), connectgaps: false,
            line: { color: palette.primary, width: 2 }, hovertemplate: '%{x} UTC: %{y:.1f}% hits<extra></extra>',
        },
        {
            type: 'bar', name: 'evictions', x, y: points.map(p => p.evictions), xaxis: 'x', yaxis: 'y2',
            marker: { color: palette.text }, hovertemplate: '%{x} UTC: %{y} evictions<extra></extra>',
        },
    ];
}

function layout(points, options) {
    const { palette } = options;
    // Whole evictions only: a small maximum gets a tick per eviction instead of fractions.
    const most = Math.max(1, ...points.map(p => p.evictions));
    const axis = { gridcolor: palette.lines, zerolinecolor: palette.lines, linecolor: palette.lines, tickcolor: palette.lines };
    return {
        margin: { l: 70, r: 10, t: 10, b: 70 },
        height: 380,
        paper_bgcolor: palette.surface,
        plot_bgcolor: palette.surface,
        font: { color: palette.text },
        showlegend: false,
        grid: { rows: 2, columns: 1, shared_xaxes: true },
        xaxis: { ...axis, title: { text: 'time (UTC)', standoff: 16 }, type: 'date', anchor: 'y2', range: [options.from, options.to] },
        yaxis: { ...axis, title: { text: 'hit rate (%)' }, range: [0, 100], domain: [0.45, 1] },
        yaxis2: { ...axis, title: { text: 'evictions' }, range: [0, most * 1.1], dtick: most <= 5 ? 1 : undefined, tickformat: ',d', domain: [0, 0.35] },
    };
}

export async function init(container) {
    const Plotly = await loadPlotly();
    const config = { displaylogo: false, responsive: true };
    return {
        // First draw.
        async draw(points, options) {
            await Plotly.newPlot(container, traces(points, options), layout(points, options), config);
        },
        // Another range or palette: Plotly.react diffs against what is drawn.
        async update(points, options) {
            await Plotly.react(container, traces(points, options), layout(points, options), config);
        },
        dispose() {
            Plotly.purge(container);
        },
    };
}
