/* Draws each impact indicator's series with Plotly (offline), a dashed vertical marker at the action's start. */
document.querySelectorAll('script[id^="impact-data-"]').forEach(function (node) {
  var data = JSON.parse(node.textContent);
  var target = document.getElementById(data.id);
  if (!target || !window.Plotly || !data.years.length) { return; }
  var shapes = data.start === null ? [] : [{ type: "line", x0: data.start, x1: data.start, yref: "paper", y0: 0,
    y1: 1, line: { dash: "dash", width: 2 } }];
  window.Plotly.newPlot(target, [{ x: data.years, y: data.values, mode: "lines+markers", name: data.unit }],
    { shapes: shapes, margin: { t: 10, r: 10 }, yaxis: { title: data.unit }, height: 260 },
    { responsive: true, displaylogo: false });
});
