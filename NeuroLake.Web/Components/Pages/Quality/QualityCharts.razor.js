// Plotly charts of a table's quality over time.
import { loadPlotly } from '../../../js/plotly-loader.js';

const day = 24 * 60 * 60 * 1000;

// Times arrive as 'yyyy-MM-dd HH:mm:ss' in the user's zone; read and written as if UTC so no browser offset creeps in.
const parseTime = text => Date.parse(text.replace(' ', 'T') + 'Z');
const formatTime = ms => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function traces(figure, palette) {
    return figure.series.map(s => ({
        type: 'scatter', mode: 'lines+markers', name: s.name, x: s.x, y: s.y, text: s.hover, hoverinfo: 'text',
        marker: { size: 8 },
    }));
}

// Versions are whole numbers: one tick per version while there are few, and a padded range so one point sits mid-axis
// (Plotly's own range for a single value is -1..1).
function versionAxis(xs) {
    const low = Math.min(...xs), high = Math.max(...xs);
    const axis = { title: { text: 'table version' }, type: 'linear', tickformat: 'd', range: [low - 0.5, high + 0.5] };
    if (high - low <= 20) {
        axis.dtick = 1;
    }
    return axis;
}

// A single time (or a few seconds) would zoom Plotly to sub-millisecond ticks: pad such spans to a day either side.
function timeAxis(xs, zone) {
    const times = xs.map(parseTime);
    const low = Math.min(...times), high = Math.max(...times);
    const axis = { title: { text: `measured (${zone})` }, type: 'date' };
    if (high - low < 60 * 60 * 1000) {
        axis.range = [formatTime(low - day), formatTime(high + day)];
    }
    return axis;
}

// Counts get whole-number ticks; an all-zero chart shows 0..1 rather than -1..1.
function valueAxis(figure, ys) {
    const high = Math.max(0, ...ys);
    const axis = { title: { text: figure.yTitle }, rangemode: 'tozero' };
    if (high === 0) {
        axis.range = [0, 1];
    }
    if (figure.yCounts) {
        axis.tickformat = ',d';
        if (high <= 5) {
            axis.dtick = 1;
        }
    }
    return axis;
}

function layout(figure, options) {
    const { byVersion, zone, palette } = options;
    const xs = figure.series.flatMap(s => s.x);
    const ys = figure.series.flatMap(s => s.y);
    const xaxis = xs.length === 0 ? {} : byVersion ? versionAxis(xs) : timeAxis(xs, zone);
    const yaxis = valueAxis(figure, ys);
    for (const axis of [xaxis, yaxis]) {
        Object.assign(axis, { gridcolor: palette.lines, zerolinecolor: palette.lines, linecolor: palette.lines, tickcolor: palette.lines });
    }
    return {
        title: { text: figure.title, font: { size: 14, color: palette.text } },
        margin: { l: 60, r: 10, t: 40, b: 50 },
        height: 280,
        paper_bgcolor: palette.surface,
        plot_bgcolor: palette.surface,
        font: { color: palette.text },
        colorway: [palette.primary, palette.secondary, palette.warning, palette.success, palette.error, palette.mutedText],
        hoverlabel: { bgcolor: palette.surface, bordercolor: palette.lines, font: { color: palette.text } },
        legend: { font: { color: palette.text } },
        xaxis,
        yaxis,
        showlegend: figure.series.length > 1,
    };
}

export async function init(container) {
    const Plotly = await loadPlotly();
    const drawn = new Map();
    const config = { displaylogo: false, responsive: true };

    const element = figure => {
        let div = drawn.get(figure.id);
        if (!div) {
            div = document.createElement('div');
            div.setAttribute('role', 'img');
            div.setAttribute('aria-label', `${figure.title} chart`);
            div.dataset.chart = figure.id;
            container.appendChild(div);
            drawn.set(figure.id, div);
        }
        return div;
    };

    return {
        // First draw: a plot per figure.
        async draw(figures, options) {
            for (const figure of figures) {
                await Plotly.newPlot(element(figure), traces(figure), layout(figure, options), config);
            }
        },
        // Update (new data, axis or palette): Plotly.react diffs against what is drawn.
        async update(figures, options) {
            for (const figure of figures) {
                await Plotly.react(element(figure), traces(figure), layout(figure, options), config);
            }
        },
        dispose() {
            for (const div of drawn.values()) {
                Plotly.purge(div);
                div.remove();
            }
            drawn.clear();
        },
    };
}
