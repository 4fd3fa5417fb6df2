// Writes the workbench's front-end libraries to NeuroLake.Web/wwwroot/lib (generated, git-ignored).
// Run by build/FrontEndAssets.targets during `dotnet build`, or by hand with `npm run build`.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const out = join(here, '..', 'NeuroLake.Web', 'wwwroot', 'lib');

function copy(from, to) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(modules, from), target, { recursive: true });
}

async function bundle(entry, to) {
  await build({
    entryPoints: [join(here, 'src', entry)],
    outfile: join(out, to),
    bundle: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: 'es2020',
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

rmSync(out, { recursive: true, force: true });

copy('plotly.js-dist-min/plotly.min.js', 'plotly/plotly.min.js');
await bundle('graph.js', 'cytoscape/cytoscape-dagre.mjs');
await bundle('editor.js', 'codemirror/codemirror.mjs');

console.log(`front-end libraries written to ${out}`);
