/* Draws each impact indicator's series with Plotly (offline): a dashed vertical marker at the action's start and
   dotted lines at the means before and since it. */
function impactMean(value, x0, x1) {
  return { type: "line", x0: x0, x1: x1, y0: value, y1: value, line: { dash: "dot", width: 2, color: "#4a5561" } };
}
document.querySelectorAll('script[id^="impact-data-"]').forEach(function (node) {
  var data = JSON.parse(node.textContent);
  var target = document.getElementById(data.id);
  if (!target || !window.Plotly || !data.years.length) { return; }
  var first = data.years[0], last = data.years[data.years.length - 1];
  var shapes = data.start === null ? [] : [{ type: "line", x0: data.start, x1: data.start, yref: "paper", y0: 0,
    y1: 1, line: { dash: "dash", width: 2 } }];
  if (data.before !== null) { shapes.push(impactMean(data.before, first, Math.min(data.start, last))); }
  if (data.after !== null) { shapes.push(impactMean(data.after, Math.max(data.start, first), last)); }
  window.Plotly.newPlot(target, [{ x: data.years, y: data.values, mode: "lines+markers", name: data.unit }],
    { shapes: shapes, margin: { t: 10, r: 10 }, yaxis: { title: data.unit }, xaxis: { dtick: 1 }, height: 260 },
    { responsive: true, displaylogo: false });
});
