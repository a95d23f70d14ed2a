// "My mobility" page, enhanced: the upload goes to the API with a progress bar, a Takeout file goes by
// the tus resumable upload protocol and its import is followed, trips are drawn on a map (over the
// city's tiles, if it chose any) and the weekly CO2e chart is drawn from the table under it. Without
// script the page still works, Takeout uploads aside.
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

  const TUS = '1.0.0';
  const CHUNK = 8 * 1024 * 1024;
  const UPLOADS = '/api/mobility-carbon/takeout/uploads';
  const IMPORTS = '/api/mobility-carbon/takeout/imports';

  function request(method, url, headers, body) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(new Error('network'));
      xhr.send(body === undefined ? null : body);
    });
  }

  function problemOf(xhr) {
    try {
      return JSON.parse(xhr.responseText);
    } catch (notJson) {
      return {detail: xhr.status + ' ' + xhr.statusText};
    }
  }

  /**
   * tus 1.0.0 (tus.io): creates the upload once (its URL kept in this browser, by file), then sends
   * the bytes from the offset the server has, in chunks; after a broken connection it asks that
   * offset (HEAD) and goes on from there, on this page or after a reload.
   */
  async function tusUpload(file, onProgress, onResume) {
    const key = 'takeout-upload:' + file.name + ':' + file.size + ':' + file.lastModified;
    let url = localStorage.getItem(key);
    let offset = url ? await serverOffset(url) : null;
    if (offset === null) {
      const created = await request('POST', UPLOADS, {'Tus-Resumable': TUS, 'Upload-Length': String(file.size),
        'Upload-Metadata': 'filename ' + btoa(unescape(encodeURIComponent(file.name)))});
      if (created.status !== 201) {
        throw problemOf(created);
      }
      url = created.getResponseHeader('Location');
      localStorage.setItem(key, url);
      offset = 0;
    }
    let failures = 0;
    while (offset < file.size) {
      onProgress(offset / file.size);
      try {
        const sent = await request('PATCH', url, {'Tus-Resumable': TUS, 'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream'}, file.slice(offset, offset + CHUNK));
        if (sent.status !== 204) {
          throw problemOf(sent);
        }
        offset = Number(sent.getResponseHeader('Upload-Offset'));
        failures = 0;
      } catch (broken) {
        if (!(broken instanceof Error) || ++failures > 8) {
          throw broken;
        }
        onResume();
        await new Promise(wait => setTimeout(wait, 1000 * failures));
        offset = await serverOffset(url);
        if (offset === null) {
          throw broken;
        }
      }
    }
    onProgress(1);
    localStorage.removeItem(key);
    return url.split('/').pop();
  }

  /**
   * How much of an upload the server has (HEAD), or null when it has none of it any more. While the
   * server still holds the upload for a request that broke off, it answers without an offset: asked
   * again a little later.
   */
  async function serverOffset(url) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const head = await request('HEAD', url, {'Tus-Resumable': TUS}).catch(() => null);
      if (head && head.status === 404) {
        return null;
      }
      const offset = head && head.getResponseHeader('Upload-Offset');
      if (offset !== null && offset !== undefined && head.status < 300) {
        return Number(offset);
      }
      await new Promise(wait => setTimeout(wait, 1000 + 500 * attempt));
    }
    return null;
  }

  function enhanceTakeout(form) {
    const input = document.getElementById('takeout-file');
    const button = form.querySelector('button[type=submit]');
    const box = document.getElementById('takeout-upload-box');
    const bar = document.getElementById('takeout-upload');
    const status = document.getElementById('takeout-status');
    const error = document.getElementById('takeout-error');

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const file = input.files[0];
      if (!file) {
        return;
      }
      error.hidden = true;
      error.replaceChildren();
      button.disabled = true;
      box.hidden = false;
      status.textContent = form.dataset.sending;
      try {
        const upload = await tusUpload(file, share => {
          bar.value = Math.round(100 * share);
          bar.textContent = bar.value + ' %';
        }, () => {
          status.textContent = form.dataset.resuming;
        });
        const body = {upload: upload};
        ['keepFrom', 'keepTo'].forEach((name, i) => {
          const value = document.getElementById(i === 0 ? 'keep-from' : 'keep-to').value;
          if (value) {
            body[name] = value;
          }
        });
        const started = await request('POST', IMPORTS, {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'},
          JSON.stringify(body));
        if (started.status !== 202) {
          throw problemOf(started);
        }
        status.textContent = form.dataset.started;
        window.location.reload();
      } catch (problem) {
        const detail = document.createElement('p');
        detail.className = 'problem-detail';
        detail.textContent = problem instanceof Error ? error.dataset.network : (problem.detail || problem.title || '');
        error.append(detail);
        error.hidden = false;
        status.textContent = '';
        button.disabled = false;
      }
    });
  }

  /** Follows the imports still running: their rows are refreshed every two seconds, the page reloaded when one ends. */
  function followImports(table, form) {
    const active = () => Array.from(table.querySelectorAll('tr[data-active="true"]'));
    if (active().length === 0) {
      return;
    }
    const timer = setInterval(async () => {
      const answer = await request('GET', IMPORTS, {'Accept': 'application/json'}).catch(() => null);
      if (!answer || answer.status !== 200) {
        return;
      }
      const imports = JSON.parse(answer.responseText);
      for (const row of active()) {
        const current = imports.find(candidate => String(candidate.id) === row.dataset.id);
        if (!current || (current.status !== 'QUEUED' && current.status !== 'RUNNING')) {
          clearInterval(timer);
          window.location.reload();
          return;
        }
        const progress = row.querySelector('.import-progress');
        const phase = row.querySelector('.import-phase');
        if (progress && current.phase) {
          const segmenting = current.phase === 'SEGMENTING';
          const done = segmenting ? current.weeksDone : current.bytesRead;
          const total = segmenting ? current.weeksTotal : current.fileBytes;
          progress.value = total > 0 ? Math.min(100, Math.floor(100 * done / total)) : 0;
          progress.textContent = progress.value + ' %';
          if (phase && form) {
            phase.textContent = form.dataset[current.phase.toLowerCase()] || current.phase;
          }
        }
        row.querySelector('.import-kept').textContent = current.pointsKept;
      }
    }, 2000);
  }

  /** The city's attribution, as text: the setting is a city admin's, never markup. */
  function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span.innerHTML;
  }

  function drawMap(element) {
    const trips = JSON.parse(element.dataset.paths || '[]').filter(trip => trip.path.length > 1);
    if (!window.L || trips.length === 0) {
      element.hidden = true;
      return;
    }
    // tiles only where the city chose a server (the page's policy allows that one origin); without
    // them no map server is called and the lines and their ends tell the trip
    const tiles = element.dataset.tiles;
    const map = L.map(element, {attributionControl: Boolean(tiles), scrollWheelZoom: false});
    if (tiles) {
      L.tileLayer(tiles, {maxZoom: 19, attribution: text(element.dataset.attribution || '')}).addTo(map);
    }
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
  const takeout = document.getElementById('takeout');
  if (takeout && window.XMLHttpRequest && window.localStorage) {
    enhanceTakeout(takeout);
  }
  const imports = document.getElementById('takeout-imports');
  if (imports) {
    followImports(imports, takeout);
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
