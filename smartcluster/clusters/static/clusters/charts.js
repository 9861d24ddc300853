// Draw every Plotly figure whose JSON sits in a data-figure attribute (the clusters pages; figures from charts.py).
document.querySelectorAll("[data-figure]").forEach(function (element) {
  var figure = JSON.parse(element.dataset.figure);
  Plotly.newPlot(element, figure.data, figure.layout, {responsive: true, displaylogo: false});
});
