/* Plotly asks its CDN for a world base map whenever a geo trace is drawn, even when every shape comes from the
   platform's GeoJSON. Empty topologies registered in advance keep maps offline and CDN-free (no base map is drawn).
   Loaded after plotly.min.js on pages with maps, and in the headless browser that draws report charts. */
window.PlotlyGeoAssets = window.PlotlyGeoAssets || { topojson: {} };
window.PlotlyGeoAssets.topojson.world_110m = { type: "Topology", objects: {}, arcs: [] };
window.PlotlyGeoAssets.topojson.world_50m = { type: "Topology", objects: {}, arcs: [] };
