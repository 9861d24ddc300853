// Draw every Plotly figure whose JSON sits in a data-figure attribute (the clusters pages; figures from charts.py),
// on load and in the results htmx swaps in (e.g. the funding group's filters).
function drawFigures(root) {
  root.querySelectorAll("[data-figure]").forEach(function (element) {
    var figure = JSON.parse(element.dataset.figure);
    Plotly.newPlot(element, figure.data, figure.layout, {responsive: true, displaylogo: false});
  });
}
drawFigures(document);
document.body.addEventListener("htmx:afterSettle", function (event) { drawFigures(event.detail.elt); });
