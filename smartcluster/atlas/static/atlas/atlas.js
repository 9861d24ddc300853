/* Draws every chart of an atlas page from its JSON figure with the locally served Plotly; maps load their GeoJSON
   (NUTS boundaries from the platform) first. No tiles, no CDN. */
(function () {
  "use strict";
  if (!window.Plotly) { return; }

  function draw(container, figure) {
    window.Plotly.newPlot(container, figure.data, figure.layout, { displayModeBar: false, responsive: true })
      .then(function () { container.setAttribute("data-drawn", "true"); });
  }

  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var source = document.getElementById(container.getAttribute("data-chart"));
    if (!source) { return; }
    var figure = JSON.parse(source.textContent);
    var url = container.getAttribute("data-geojson");
    if (!url) { draw(container, figure); return; }
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (geojson) {
        figure.data.forEach(function (trace) { trace.geojson = geojson; });
        draw(container, figure);
      });
  });
}());
