// Plotly band of a daily cost forecast: the interval as a filled area between its low and high edges, the expected cost as a line.
import { loadPlotly } from '../../../js/plotly-loader.js';

function traces(points, options) {
    const { palette, confidence } = options;
    const x = points.map(p => p.day);
    const edge = { type: 'scatter', mode: 'lines', x, line: { width: 0 }, hoverinfo: 'skip', showlegend: false };
    return [
        { ...edge, y: points.map(p => p.low) },
        {
            ...edge, y: points.map(p => p.high), fill: 'tonexty', fillcolor: palette.lines, showlegend: true,
            name: `${Math.round(confidence * 100)}% prediction interval`,
        },
        {
            type: 'scatter', mode: 'lines', name: 'expected', x, y: points.map(p => p.expected),
            line: { color: palette.primary, width: 2 }, hovertemplate: `%{x}: %{y:.4f} ${options.currency}/day<extra></extra>`,
        },
    ];
}

function layout(options) {
    const { palette, currency } = options;
    const axis = { gridcolor: palette.lines, zerolinecolor: palette.lines, linecolor: palette.lines, tickcolor: palette.lines };
    return {
        margin: { l: 70, r: 10, t: 10, b: 50 },
        height: 280,
        paper_bgcolor: palette.surface,
        plot_bgcolor: palette.surface,
        font: { color: palette.text },
        legend: { orientation: 'h', y: -0.25, font: { color: palette.text } },
        xaxis: { ...axis, title: { text: 'day (UTC)' }, type: 'date' },
        yaxis: { ...axis, title: { text: `${currency} per day` }, rangemode: 'tozero' },
    };
}

export async function init(container) {
    const Plotly = await loadPlotly();
    const config = { displaylogo: false, responsive: true };
    return {
        // First draw.
        async draw(points, options) {
            await Plotly.newPlot(container, traces(points, options), layout(options), config);
        },
        // Another horizon or palette: Plotly.react diffs against what is drawn.
        async update(points, options) {
            await Plotly.react(container, traces(points, options), layout(options), config);
        },
        dispose() {
            Plotly.purge(container);
        },
    };
}
