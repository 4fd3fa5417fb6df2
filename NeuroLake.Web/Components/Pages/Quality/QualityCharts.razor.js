// Plotly charts of a table's quality over time. plotly.min.js is a classic script (window.Plotly), loaded once.
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

function traces(figure, byVersion) {
    return figure.series.map(s => ({
        type: 'scatter', mode: 'lines+markers', name: s.name, x: s.x, y: s.y, text: s.hover, hoverinfo: 'text',
    }));
}

function layout(figure, byVersion) {
    return {
        title: { text: figure.title, font: { size: 14 } },
        margin: { l: 50, r: 10, t: 40, b: 50 },
        height: 280,
        xaxis: byVersion ? { title: { text: 'table version' }, dtick: 1 } : { title: { text: 'measured (UTC)' }, type: 'date' },
        yaxis: { title: { text: figure.yTitle }, rangemode: 'tozero' },
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
        async draw(figures, byVersion) {
            for (const figure of figures) {
                await Plotly.newPlot(element(figure), traces(figure, byVersion), layout(figure, byVersion), config);
            }
        },
        // Update: Plotly.react diffs against what is drawn.
        async update(figures, byVersion) {
            for (const figure of figures) {
                await Plotly.react(element(figure), traces(figure, byVersion), layout(figure, byVersion), config);
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
