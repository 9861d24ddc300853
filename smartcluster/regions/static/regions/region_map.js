/* Draws the region's boundary (GeoJSON from the page) with Plotly's geo choropleth: no tiles, no base map. */
(function () {
  "use strict";
  var container = document.getElementById("region-map");
  var source = document.getElementById("region-boundary");
  if (!container || !source || !window.Plotly) { return; }
  var region = JSON.parse(source.textContent);
  var feature = { type: "Feature", id: region.code, properties: {}, geometry: region.geometry };
  var trace = {
    type: "choropleth",
    geojson: { type: "FeatureCollection", features: [feature] },
    featureidkey: "id",
    locations: [region.code],
    z: [1],
    showscale: false,
    colorscale: [[0, "#0b4f8a"], [1, "#0b4f8a"]],
    marker: { line: { color: "#1b1f24", width: 1 } },
    hovertemplate: region.label + "<extra></extra>"
  };
  var layout = {
    geo: { fitbounds: "locations", visible: false, scope: "world", resolution: 110, projection: { type: "mercator" } },
    margin: { l: 0, r: 0, t: 0, b: 0 },
    height: 320,
    paper_bgcolor: "rgba(0,0,0,0)"
  };
  window.Plotly.newPlot(container, [trace], layout, { displayModeBar: false, responsive: true });
}());
