// Draws each indicator of the admin dashboards from its canvas' data-chart (labels, values, suppressed).
// A suppressed group gets no bar and its label says so: never a 0. The table under each chart is the text alternative.
document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  var data = JSON.parse(canvas.dataset.chart);
  var suppressedLabel = document.documentElement.lang === 'fr' ? ' (masqué)' : ' (suppressed)';
  var colour = getComputedStyle(document.body).getPropertyValue('--city-primary').trim() || '#1a5fb4';
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels.map(function (label, i) { return data.suppressed[i] ? label + suppressedLabel : label; }),
      datasets: [{ label: data.unit, data: data.values, backgroundColor: colour }]
    },
    options: { animation: false, responsive: true, plugins: { legend: { display: true } } }
  });
});
