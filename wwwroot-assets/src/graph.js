// One ESM module for lineage and DAG views: cytoscape with the dagre layout already registered, and dagre itself for
// views that place nodes from their own dagre run (column lineage: tables sized to their columns).
import cytoscape from 'cytoscape';
import cytoscapeDagre from 'cytoscape-dagre';
import dagre from 'dagre';

cytoscape.use(cytoscapeDagre);

export { cytoscape, dagre };
export default cytoscape;
