// One ESM module for lineage and DAG views: cytoscape with the dagre layout already registered.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

cytoscape.use(dagre);

export { cytoscape };
export default cytoscape;
