// Plotly chart of a query result (ResultChart.razor): one bar, line or scatter series in the theme's colours.
import { loadPlotly } from '../../../js/plotly-loader.js';

function traces(figure, palette) {
    const kind = figure.kind;
    const trace = { x: figure.x, y: figure.y, name: figure.yTitle, marker: { color: palette.primary } };
    if (kind === 'Bar') {
        return [{ ...trace, type: 'bar' }];
    }
    return [{ ...trace, type: 'scatter', mode: kind === 'Line' ? 'lines+markers' : 'markers', line: { color: palette.primary } }];
}

function axis(title, palette) {
    return {
        title: { text: title },
        automargin: true,
        color: palette.mutedText,
        gridcolor: palette.lines,
        zerolinecolor: palette.lines,
        // Text categories keep their order (the grid's); numbers and dates get a linear or date axis.
        categoryorder: 'trace',
    };
}

function layout(figure, palette) {
    return {
        margin: { l: 60, r: 20, t: 20, b: 60 },
        height: 360,
        paper_bgcolor: palette.surface,
        plot_bgcolor: palette.surface,
        font: { color: palette.text },
        xaxis: axis(figure.xTitle, palette),
        yaxis: { ...axis(figure.yTitle, palette), rangemode: figure.kind === 'Bar' ? 'tozero' : 'normal' },
        showlegend: false,
    };
}

const config = { displaylogo: false, responsive: true };

export async function init(container) {
    const Plotly = await loadPlotly();
    return {
        // First draw.
        async draw(figure, palette) {
            await Plotly.newPlot(container, traces(figure, palette), layout(figure, palette), config);
        },
        // Update: Plotly.react diffs against what is drawn.
        async update(figure, palette) {
            await Plotly.react(container, traces(figure, palette), layout(figure, palette), config);
        },
        dispose() {
            Plotly.purge(container);
        },
    };
}
