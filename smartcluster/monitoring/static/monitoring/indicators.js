/* Draws each indicator's progress (Plotly, offline): cumulative achieved by semester and its target as a line. */
document.querySelectorAll('script[id^="indicator-data-"]').forEach(function (node) {
  var data = JSON.parse(node.textContent);
  var target = document.getElementById(data.id);
  if (!target || !window.Plotly || !data.semesters.length) { return; }
  var traces = [{ x: data.semesters, y: data.achieved, type: "bar", name: target.dataset.achievedLabel }];
  if (data.target !== null) {
    var last = data.semesters[data.semesters.length - 1];
    traces.push({ x: [data.semesters[0] - 0.5, last + 0.5], y: [data.target, data.target], mode: "lines",
      line: { dash: "dash", width: 2 }, name: target.dataset.targetLabel, hoverinfo: "y" });
  }
  window.Plotly.newPlot(target, traces,
    { margin: { t: 10, r: 10 }, height: 260, xaxis: { title: target.dataset.semesterLabel, dtick: 1 },
      legend: { orientation: "h" } },
    { responsive: true, displaylogo: false });
});
