// plotly.min.js is a classic script (window.Plotly): loaded once per page, shared by every chart module.
let plotly;

export function loadPlotly() {
    plotly ??= new Promise((resolve, reject) => {
        if (window.Plotly) {
            resolve(window.Plotly);
            return;
        }
        const script = document.createElement('script');
        script.src = new URL('../lib/plotly/plotly.min.js', import.meta.url).href;
        script.onload = () => resolve(window.Plotly);
        script.onerror = () => reject(new Error('plotly.min.js could not be loaded'));
        document.head.appendChild(script);
    });
    return plotly;
}
