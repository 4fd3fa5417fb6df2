// Plotly chart of a recurring job's run durations: one trace per status, so colour and marker shape both tell them apart.
import { loadPlotly } from '../../../js/plotly-loader.js';

const statuses = ['Succeeded', 'Skipped', 'Cancelled', 'Failed'];
const symbols = { Succeeded: 'circle', Skipped: 'square', Cancelled: 'diamond', Failed: 'x' };

function colour(status, palette) {
    return { Succeeded: palette.success, Skipped: palette.mutedText, Cancelled: palette.warning, Failed: palette.error }[status] ?? palette.primary;
}

function traces(points, palette) {
    // A thin line through every run shows the trend; the markers on top say how each ended.
    const line = {
        type: 'scatter', mode: 'lines', name: 'all runs', x: points.map(p => p.x), y: points.map(p => p.seconds),
        line: { color: palette.lines, width: 1 }, hoverinfo: 'skip', showlegend: false,
    };
    const byStatus = statuses
        .map(status => ({ status, runs: points.filter(p => p.status === status) }))
        .filter(group => group.runs.length > 0)
        .map(({ status, runs }) => ({
            type: 'scatter', mode: 'markers', name: status,
            x: runs.map(p => p.x), y: runs.map(p => p.seconds), text: runs.map(p => p.hover), hoverinfo: 'text',
            marker: { size: 9, color: colour(status, palette), symbol: symbols[status] },
        }));
    return [line, ...byStatus];
}

function layout(options) {
    const { zone, palette } = options;
    const axis = { gridcolor: palette.lines, zerolinecolor: palette.lines, linecolor: palette.lines, tickcolor: palette.lines };
    return {
        margin: { l: 60, r: 10, t: 10, b: 50 },
        height: 280,
        paper_bgcolor: palette.surface,
        plot_bgcolor: palette.surface,
        font: { color: palette.text },
        hoverlabel: { bgcolor: palette.surface, bordercolor: palette.lines, font: { color: palette.text } },
        legend: { orientation: 'h', y: -0.25, font: { color: palette.text } },
        xaxis: { ...axis, title: { text: `started (${zone})` }, type: 'date' },
        yaxis: { ...axis, title: { text: 'duration (s)' }, rangemode: 'tozero' },
    };
}

export async function init(container) {
    const Plotly = await loadPlotly();
    const config = { displaylogo: false, responsive: true };
    return {
        // First draw.
        async draw(points, options) {
            await Plotly.newPlot(container, traces(points, options.palette), layout(options), config);
        },
        // New runs or palette: Plotly.react diffs against what is drawn.
        async update(points, options) {
            await Plotly.react(container, traces(points, options.palette), layout(options), config);
        },
        dispose() {
            Plotly.purge(container);
        },
    };
}
