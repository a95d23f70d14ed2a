// "My waste" page: the chart of kilograms per month and stream, drawn from the table under it.
(function () {
  'use strict';

  const COLOURS = {RESIDUAL: '#5e5c64', RECYCLABLES: '#c88800', GLASS: '#26a269', BIOWASTE: '#865e3c'};
  const canvas = document.getElementById('waste-chart');
  if (!canvas || !window.Chart) {
    return;
  }
  const headers = Array.from(document.querySelectorAll('#waste-months thead th[data-stream]'));
  const rows = Array.from(document.querySelectorAll('#waste-months tbody tr'));
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map(row => row.querySelector('th').textContent),
      datasets: headers.map((header, column) => ({
        label: header.textContent,
        backgroundColor: COLOURS[header.dataset.stream],
        data: rows.map(row => Number(row.querySelectorAll('td')[column].dataset.kg))
      }))
    },
    options: {animation: false, maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, title: {display: true, text: 'kg'}}}}
  });
})();
