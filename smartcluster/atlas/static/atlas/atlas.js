/* Draws every chart of an atlas page from its JSON figure with the locally served Plotly; maps load their GeoJSON
   (NUTS boundaries from the platform) first. No tiles, no CDN. */
(function () {
  "use strict";
  if (!window.Plotly) { return; }

  // A region's profile address from a map's or a form's data-region-base and data-query.
  function profile(element, code) {
    return element.getAttribute("data-region-base") + encodeURIComponent(code.trim().toUpperCase()) + "/?" +
      element.getAttribute("data-query");
  }

  function draw(container, figure) {
    window.Plotly.newPlot(container, figure.data, figure.layout, { displayModeBar: false, responsive: true })
      .then(function () {
        container.setAttribute("data-drawn", "true");
        if (container.getAttribute("data-region-base")) {
          container.on("plotly_click", function (event) {
            var point = event.points && event.points[0];
            if (point && point.location) { window.location.href = profile(container, point.location); }
          });
        }
      });
  }

  // Another dataset has other years: its pages open on that dataset's default year.
  document.querySelectorAll(".atlas-controls select[name=dataset]").forEach(function (select) {
    select.addEventListener("change", function () {
      var year = select.form.querySelector("select[name=year]");
      if (year) { year.disabled = true; }
      select.form.submit();
    });
  });

  document.querySelectorAll("form[data-region-base]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.location.href = profile(form, form.elements.code.value);
    });
  });

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
