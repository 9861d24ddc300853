// Draw the collaboration network whose Plotly JSON sits in a data-figure attribute (stakeholders network page).
document.querySelectorAll("[data-figure]").forEach(function (element) {
  var figure = JSON.parse(element.dataset.figure);
  Plotly.newPlot(element, figure.data, figure.layout, {responsive: true, displaylogo: false});
});
