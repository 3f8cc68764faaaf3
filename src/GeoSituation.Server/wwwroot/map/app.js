// The full map page: legend with layer toggles, time slider with play, search, ingest, and the
// map's state (view, layers, time) kept in the URL hash so a view can be shared.
(function () {
  'use strict';

  const { SituationMap, dataLayers, eventTypes, h, getJson } = window.Situation;
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;

  // The hash reads like #map=9/31.35/34.3&layers=displacement,events&t=../2024-02-29; MapLibre owns
  // the map= part and keeps the rest.
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    return {
      layers: params.has('layers') ? params.get('layers').split(',').filter(Boolean) : null,
      t: params.get('t'),
    };
  }

  function writeHash(state) {
    const params = new URLSearchParams(location.hash.slice(1));
    params.set('layers', state.layers.join(','));
    if (state.t) params.set('t', state.t);
    else params.delete('t');
    const hash = '#' + params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
    history.replaceState(history.state, '', hash);
  }

  const initial = readHash();
  const situation = new SituationMap('map', { hash: 'map' });
  const map = situation.map;
  // Browser tests and the console reach the map here.
  window.map = map;
  window.situation = situation;
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new maplibregl.ScaleControl(), 'bottom-left');

  const state = { layers: initial.layers ?? dataLayers.map((l) => l.id), t: initial.t };

  function syncLayers() {
    for (const { id } of dataLayers) situation.setVisible(id, state.layers.includes(id));
    writeHash(state);
  }

  function buildLegend() {
    $('layer-list').replaceChildren(...dataLayers.map((l) => h('li', null,
      h('label', null,
        h('input', {
          type: 'checkbox', id: `layer-${l.id}`, 'data-layer': l.id, checked: state.layers.includes(l.id),
          onchange: (e) => {
            state.layers = dataLayers.map((d) => d.id)
              .filter((id) => (id === l.id ? e.target.checked : state.layers.includes(id)));
            syncLayers();
          },
        }),
        h('span', { class: `swatch swatch-${l.id}` }),
        l.label),
      h('small', null, l.note))));
    $('event-types').replaceChildren(...eventTypes.map(([, label, colour]) =>
      h('li', null, h('span', { class: 'swatch', style: { background: colour } }), label)));
  }

  // ---- time -------------------------------------------------------------------------------------
  const slider = $('time');
  let range = null;

  const dayOf = (i) => new Date(range.start + i * DAY).toISOString().slice(0, 10);

  function datetimeFor(index) {
    const end = dayOf(index);
    const windowDays = $('window').value;
    if (windowDays === 'all') return `../${end}T23:59:59Z`;
    return `${dayOf(index - Number(windowDays) + 1)}T00:00:00Z/${end}T23:59:59Z`;
  }

  function applyTime() {
    if (!range) return;
    const atEnd = Number(slider.value) === Number(slider.max) && $('window').value === 'all';
    state.t = atEnd ? null : datetimeFor(Number(slider.value));
    $('time-label').value = atEnd ? `all, to ${dayOf(Number(slider.max))}` : state.t.replace('T23:59:59Z', '').replace('T00:00:00Z', '').replace('../', 'up to ');
    situation.setDatetime(state.t);
    writeHash(state);
  }

  async function setupTime() {
    const { min, max } = await SituationMap.dataDateRange();
    const today = new Date().toISOString().slice(0, 10);
    // One day before the first date, so the slider has a position where nothing has happened yet.
    const start = Date.parse(min ?? today) - DAY;
    const end = Date.parse(max ?? today);
    range = { start };
    slider.max = String(Math.round((end - start) / DAY));
    slider.value = slider.max;
    const endOfHash = initial.t ? initial.t.split('/').pop().slice(0, 10) : null;
    if (endOfHash && endOfHash !== '..') {
      const i = Math.round((Date.parse(endOfHash) - start) / DAY);
      if (i >= 0 && i <= Number(slider.max)) slider.value = String(i);
      const startOfHash = initial.t.split('/')[0];
      if (startOfHash !== '..') {
        const width = Math.round((Date.parse(endOfHash) - Date.parse(startOfHash.slice(0, 10))) / DAY) + 1;
        if (width === 7 || width === 30) $('window').value = String(width);
      }
    }
    applyTime();
  }

  let playing = null;
  function togglePlay() {
    if (playing) {
      clearInterval(playing);
      playing = null;
      $('play').textContent = '▶';
      $('play').setAttribute('aria-label', 'Play');
      return;
    }
    if (Number(slider.value) >= Number(slider.max)) slider.value = '0';
    const step = Math.max(1, Math.round(Number(slider.max) / 40));
    $('play').textContent = '❚❚';
    $('play').setAttribute('aria-label', 'Pause');
    playing = setInterval(() => {
      slider.value = String(Math.min(Number(slider.max), Number(slider.value) + step));
      applyTime();
      if (Number(slider.value) >= Number(slider.max)) togglePlay();
    }, 1200);
    applyTime();
  }

  slider.addEventListener('input', applyTime);
  $('window').addEventListener('change', applyTime);
  $('play').addEventListener('click', togglePlay);

  // ---- search -----------------------------------------------------------------------------------
  let searchTimer = null;
  async function search(q) {
    const list = $('search-results');
    if (q.trim().length < 2) {
      list.hidden = true;
      return;
    }
    let results = [];
    try {
      results = (await getJson(`/search?q=${encodeURIComponent(q)}&limit=8`)).results ?? [];
    } catch {
      results = [];
    }
    list.replaceChildren(...(results.length ? results.map((r) => h('li', null,
      h('button', { type: 'button', onclick: () => flyTo(r) },
        h('strong', null, r.name),
        h('small', null, [r.kind, r.country, r.stored ? `${r.mentions ?? 0} mentions` : null].filter(Boolean).join(' · ')))))
      : [h('li', { class: 'empty' }, 'No place found')]));
    list.hidden = false;
  }

  function flyTo(r) {
    $('search-results').hidden = true;
    if (Array.isArray(r.bbox) && r.bbox.length === 4) {
      map.fitBounds([[r.bbox[0], r.bbox[1]], [r.bbox[2], r.bbox[3]]], { padding: 40, maxZoom: 11 });
    } else {
      map.flyTo({ center: [r.lon, r.lat], zoom: r.kind === 'country' ? 6 : 11 });
    }
  }

  $('search-q').addEventListener('input', (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search(e.target.value), 200);
  });
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    const first = $('search-results').querySelector('button');
    if (first) first.click();
    else search($('search-q').value);
  });

  // ---- ingest -----------------------------------------------------------------------------------
  // The key stays in this tab only (sessionStorage): it is a write credential.
  const keyInput = $('ingest-key');
  keyInput.value = sessionStorage.getItem('geosituation-key') ?? '';

  function article() {
    const published = $('ingest-published').value;
    return {
      title: $('ingest-title').value,
      text: $('ingest-text').value,
      url: $('ingest-url').value || null,
      source: $('ingest-source').value || null,
      published: published ? `${published}T12:00:00Z` : null,
    };
  }

  async function post(url, body) {
    sessionStorage.setItem('geosituation-key', keyInput.value);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${keyInput.value}` },
      body: JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.detail || json.title || `HTTP ${res.status}`);
    return { status: res.status, json };
  }

  function showFound(text, found) {
    const marks = (found.toponyms ?? []).slice().sort((a, b) => a.start - b.start);
    const body = h('div', { class: 'preview-text' });
    let at = 0;
    for (const t of marks) {
      if (t.start < at) continue;
      body.append(text.slice(at, t.start),
        h('mark', { title: `${t.name} (${t.country || '-'}), ${Math.round(t.confidence * 100)} %` }, text.slice(t.start, t.end)));
      at = t.end;
    }
    body.append(text.slice(at));
    const names = [...new Set(marks.map((t) => t.name))];
    const figures = (found.displacement ?? []).map((d) =>
      h('li', null, `${Number(d.people).toLocaleString('en')} people`, d.qualifier ? ` (${d.qualifier})` : '',
        d.place ? ` · ${d.place}` : '', d.origin ? ` from ${d.origin}` : ''));
    const events = (found.events ?? []).map((e) => h('li', null, e.event_type.replaceAll('_', ' '), e.place ? ` · ${e.place}` : ''));
    $('ingest-preview').replaceChildren(...[
      h('p', null, h('strong', null, `${names.length} places: `), names.join(', ') || 'none'),
      body,
      figures.length ? [h('p', null, h('strong', null, 'Displacement')), h('ul', null, figures)] : [],
      events.length ? [h('p', null, h('strong', null, 'Events')), h('ul', null, events)] : [],
    ].flat());
    $('ingest-preview').hidden = false;
  }

  $('ingest-open').addEventListener('click', () => $('ingest').showModal());
  $('ingest-text').addEventListener('input', () => { $('ingest-confirm').disabled = true; });
  $('ingest-find').addEventListener('click', async () => {
    const a = article();
    if (!a.text.trim()) return;
    $('ingest-status').textContent = 'Looking for places…';
    try {
      const { json } = await post('/analyze', a);
      showFound(a.text, json);
      $('ingest-status').textContent = 'Check the places, then confirm to store the article.';
      $('ingest-confirm').disabled = false;
    } catch (err) {
      $('ingest-status').textContent = `Could not analyse: ${err.message}`;
    }
  });
  $('ingest-confirm').addEventListener('click', async () => {
    $('ingest-status').textContent = 'Storing…';
    try {
      const { status, json } = await post('/articles', article());
      $('ingest-status').textContent = status === 201
        ? `Stored as article ${json.id}.`
        : `Already stored as article ${json.id}.`;
      $('ingest-confirm').disabled = true;
      situation.reload();
      setupTime();
    } catch (err) {
      $('ingest-status').textContent = `Could not store: ${err.message}`;
    }
  });

  // ---- start ------------------------------------------------------------------------------------
  buildLegend();
  map.on('load', async () => {
    syncLayers();
    await setupTime();
    // Ready for tests and screenshots once the time filter is applied and its tiles are drawn.
    map.once('idle', () => { window.mapReady = true; });
    map.triggerRepaint();
  });
})();
