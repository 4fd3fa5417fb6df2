// Plotly chart of a query result (ResultChart.razor): one bar, line or scatter series in the theme's colours.
// plotly.min.js is a classic script (window.Plotly), loaded once per page.
let plotly;

function loadPlotly() {
    plotly ??= new Promise((resolve, reject) => {
        if (window.Plotly) {
            resolve(window.Plotly);
            return;
        }
        const script = document.createElement('script');
        script.src = new URL('../../../lib/plotly/plotly.min.js', import.meta.url).href;
        script.onload = () => resolve(window.Plotly);
        script.onerror = () => reject(new Error('plotly.min.js could not be loaded'));
        document.head.appendChild(script);
    });
    return plotly;
}

// MudBlazor writes colours as #rrggbbaa; cytoscape and plotly read rgba().
function css(colour) {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/i.exec(colour ?? '');
    return hex ? `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${hex[4] ? (parseInt(hex[4], 16) / 255).toFixed(3) : 1})` : colour;
}

function colours(palette) {
    return Object.fromEntries(Object.entries(palette).map(([name, value]) => [name, typeof value === 'string' ? css(value) : value]));
}

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
        async draw(figure, themePalette) {
            const palette = colours(themePalette);
            await Plotly.newPlot(container, traces(figure, palette), layout(figure, palette), config);
        },
        // Update: Plotly.react diffs against what is drawn.
        async update(figure, themePalette) {
            const palette = colours(themePalette);
            await Plotly.react(container, traces(figure, palette), layout(figure, palette), config);
        },
        dispose() {
            Plotly.purge(container);
        },
    };
}
