// "My mobility" page, enhanced: the upload goes to the API with a progress bar, trips are drawn on a
// map and the weekly CO2e chart is drawn from the table under it. Without script the page still works.
(function () {
  'use strict';

  const MEDIA_TYPES = {gpx: 'application/gpx+xml', geojson: 'application/geo+json', json: 'application/geo+json'};
  const primary = getComputedStyle(document.body).getPropertyValue('--city-primary').trim() || '#1a5fb4';

  function enhanceUpload(form) {
    const input = form.querySelector('input[type=file]');
    const button = form.querySelector('button[type=submit]');
    const box = document.getElementById('upload-progress-box');
    const bar = document.getElementById('upload-progress');
    const percent = document.getElementById('upload-percent');
    const status = document.getElementById('upload-status');
    const error = document.getElementById('upload-error');

    function progress(value) {
      bar.value = value;
      bar.textContent = value + ' %';
      percent.textContent = value + ' %';
    }

    form.addEventListener('submit', event => {
      const file = input.files[0];
      if (!file) {
        return;
      }
      event.preventDefault();
      const extension = file.name.split('.').pop().toLowerCase();
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/mobility-carbon/traces');
      xhr.setRequestHeader('Content-Type', MEDIA_TYPES[extension] || file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.upload.onprogress = e => {
        if (e.lengthComputable) {
          progress(Math.round(100 * e.loaded / e.total));
        }
      };
      xhr.upload.onload = () => {
        progress(100);
        status.textContent = status.dataset.processing;
      };
      xhr.onload = () => {
        if (xhr.status === 201) {
          const receipt = JSON.parse(xhr.responseText);
          status.textContent = status.dataset.sent;
          window.location.assign('/my/mobility-carbon?uploaded=' + receipt.pointsStored + '&trips=' + receipt.trips);
        } else {
          refused(xhr);
        }
      };
      xhr.onerror = () => refused(null);
      error.hidden = true;
      error.replaceChildren();
      status.textContent = '';
      box.hidden = false;
      button.disabled = true;
      progress(0);
      xhr.send(file);
    });

    /** Shows the problem detail (RFC 9457) the API answered, under a title in the page's language. */
    function refused(xhr) {
      button.disabled = false;
      status.textContent = '';
      let problem = {};
      try {
        problem = xhr ? JSON.parse(xhr.responseText) : {};
      } catch (notJson) {
        problem = {};
      }
      const slug = (problem.type || '').split('/').pop();
      const known = document.querySelector('#problem-titles [data-type="' + CSS.escape(slug) + '"]');
      const title = document.createElement('p');
      title.className = 'problem-title';
      title.textContent = known ? known.textContent : (xhr ? error.dataset.title + ' (' + xhr.status + ')' : error.dataset.network);
      error.append(title);
      if (problem.detail) {
        const detail = document.createElement('p');
        detail.className = 'problem-detail';
        detail.textContent = problem.detail;
        error.append(detail);
      }
      error.hidden = false;
      box.hidden = true;
    }
  }

  function drawMap(element) {
    const trips = JSON.parse(element.dataset.paths || '[]').filter(trip => trip.path.length > 1);
    if (!window.L || trips.length === 0) {
      element.hidden = true;
      return;
    }
    // no background tiles: the platform calls no map server; the lines and their ends tell the trip
    const map = L.map(element, {attributionControl: false, scrollWheelZoom: false});
    const lines = trips.map(trip => {
      const line = L.polyline(trip.path, {color: primary, weight: 5}).addTo(map);
      L.circleMarker(trip.path[0], {radius: 5, color: primary, fillOpacity: 1}).addTo(map);
      line.on('click', () => document.getElementById('trip-' + trip.tripId).scrollIntoView());
      return line;
    });
    map.fitBounds(L.featureGroup(lines).getBounds(), {padding: [24, 24], maxZoom: 16});
  }

  function drawChart(canvas) {
    if (!window.Chart) {
      return;
    }
    const rows = Array.from(document.querySelectorAll('#co2-weeks tbody tr'));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(row => row.querySelector('th').textContent),
        datasets: [
          {label: canvas.dataset.used, data: rows.map(row => Number(row.dataset.used)), backgroundColor: primary},
          {type: 'line', label: canvas.dataset.budget, data: rows.map(row => Number(row.dataset.budget)),
            borderColor: '#a4000f', backgroundColor: '#a4000f', pointRadius: 3}
        ]
      },
      options: {animation: false, maintainAspectRatio: false, scales: {y: {beginAtZero: true, title: {display: true, text: 'kg CO2e'}}}}
    });
  }

  const form = document.getElementById('upload');
  if (form && window.XMLHttpRequest) {
    enhanceUpload(form);
  }
  const map = document.getElementById('trip-map');
  if (map) {
    drawMap(map);
  }
  const chart = document.getElementById('co2-chart');
  if (chart) {
    drawChart(chart);
  }
})();
