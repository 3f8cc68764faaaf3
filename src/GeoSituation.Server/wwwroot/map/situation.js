// The situation map shared by the full page (/) and the embed (/embed): the MapLibre map on our own
// style, the data layers grouped for toggling, the time filter and the feature popups.
// Plain script, no bundler: it defines window.Situation for app.js and embed.js.
(function () {
  'use strict';

  // Each toggle in the legend switches every style layer drawn from one data source.
  const dataLayers = [
    { id: 'displacement', label: 'Displacement', note: 'people displaced; rings show the low-high range; governorates shaded by people per km²' },
    { id: 'flows', label: 'Flows', note: 'origin to destination' },
    { id: 'events', label: 'Events', note: 'by type (ACLED)' },
    { id: 'places', label: 'Places', note: 'sized by mentions' },
  ];

  // ACLED's event types; the style colours them the same way (Map/style.json, layer "events").
  const eventTypes = [
    ['battles', 'Battles', '#8e44ad'],
    ['explosions_remote_violence', 'Explosions / remote violence', '#c0392b'],
    ['violence_against_civilians', 'Violence against civilians', '#e74c3c'],
    ['protests', 'Protests', '#16a085'],
    ['riots', 'Riots', '#d35400'],
    ['strategic_developments', 'Strategic developments', '#2c3e50'],
    ['humanitarian_access', 'Humanitarian access', '#27ae60'],
  ];

  // The RTL plugin is fetched only when a label in Arabic or Hebrew script first appears.
  let rtlRequested = false;
  function useRtlPlugin() {
    if (rtlRequested || maplibregl.getRTLTextPluginStatus() !== 'unavailable') return;
    rtlRequested = true;
    maplibregl.setRTLTextPlugin(new URL('/vendor/mapbox-gl-rtl-text/mapbox-gl-rtl-text.js', location.href).href, true)
      .catch((err) => console.warn('RTL text plugin not loaded', err));
  }

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      // Styles through the CSSOM: the page's Content-Security-Policy refuses style="" attributes.
      else if (k === 'style') Object.assign(el.style, v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  const numberFormat = new Intl.NumberFormat('en');
  const fmt = (n) => (n === undefined || n === null || n === '' ? null : numberFormat.format(Number(n)));

  async function getJson(url) {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.json();
  }

  // A property, with missing, null and empty all meaning "not known".
  function pick(props, name) {
    const v = props[name];
    return v === undefined || v === null || v === '' ? null : v;
  }

  // Absolute http(s) URLs only: an article without a URL (null) must not become a link to /null.
  function safeHref(url) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  // Lower case without diacritics, one character for one, so indices in the folded text are indices
  // in the quote: "Rafaḩ" (GeoNames) then matches "Rafah" (the article).
  function fold(text) {
    let out = '';
    for (const c of text) {
      const f = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      out += f.length === c.length ? f : c.toLowerCase().slice(0, c.length).padEnd(c.length, '_');
    }
    return out;
  }

  // The quote with the place's names marked, and the figure's wording marked as the figure.
  function quoteWithPlace(quote, names, figure) {
    const block = h('blockquote', { class: 'quote' });
    const folded = fold(quote);
    const marks = [];
    const find = (needle, cls) => {
      if (typeof needle !== 'string' || needle.length < 2) return;
      const key = fold(needle);
      for (let i = folded.indexOf(key); i >= 0; i = folded.indexOf(key, i + key.length)) {
        marks.push([i, i + key.length, cls]);
      }
    };
    for (const name of names) find(name, 'place');
    find(figure, 'figure');
    marks.sort((x, y) => x[0] - y[0]);
    let at = 0;
    for (const [start, end, cls] of marks) {
      if (start < at) continue;
      block.append(quote.slice(at, start), h('mark', { class: cls }, quote.slice(start, end)));
      at = end;
    }
    block.append(quote.slice(at));
    return block;
  }

  // How the article itself wrote the place ("Refa", "khan younis"), from its mentions.
  async function surfaces(p) {
    const article = articleId(p);
    const place = pick(p, 'place_id');
    if (article === null || place === null) return [];
    try {
      const fc = await getJson(`/collections/mentions/items?article_id=${encodeURIComponent(article)}&place_id=${encodeURIComponent(place)}&limit=100`);
      return [...new Set((fc.features || []).map((f) => f.properties?.surface).filter(Boolean))];
    } catch {
      return [];
    }
  }

  function articleId(p) {
    return pick(p, 'article_id');
  }

  async function articleLink(id, props, prefix = 'Source: ') {
    const title = pick(props, 'article_title');
    const url = pick(props, 'article_url');
    let article = { title, url };
    if (id !== null && (!title || !url)) {
      try {
        article = { ...(await getJson(`/articles/${encodeURIComponent(id)}`)), ...Object.fromEntries(Object.entries(article).filter(([, v]) => v)) };
      } catch {
        // The article link is a nicety: the popup still shows the figures without it.
      }
    }
    const href = safeHref(article.url);
    const label = article.title || (id !== null ? `Article ${id}` : 'Source article');
    return h('p', { class: 'source' }, prefix,
      href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label) : label,
      article.source ? ` (${article.source})` : null,
      id !== null ? [' · ', h('a', { href: `/articles/${encodeURIComponent(id)}`, target: '_blank' }, 'record')] : null);
  }

  function row(label, value) {
    return value === null || value === undefined ? null : h('tr', null, h('th', null, label), h('td', null, value));
  }

  function confidence(p) {
    const c = pick(p, 'confidence');
    return c === null ? null : `${Math.round(Number(c) * 100)} %`;
  }

  function dateOf(v) {
    return v ? String(v).slice(0, 10) : null;
  }

  const popupBuilders = {
    async displacement(p) {
      const place = pick(p, 'place');
      const from = pick(p, 'direction') === 'from';
      const low = pick(p, 'low');
      const high = pick(p, 'high');
      // A single number has low == high: the range row is only shown when there is a range.
      const range = (low !== null || high !== null) && low !== high ? `${fmt(low) ?? '?'} – ${fmt(high) ?? '?'}` : null;
      const wording = pick(p, 'number_text');
      const qualifier = pick(p, 'qualifier');
      const quote = pick(p, 'quote');
      const asOf = dateOf(pick(p, 'as_of'));
      const basis = pick(p, 'as_of_basis');
      return [
        h('h3', null, `${fmt(pick(p, 'people')) ?? '?'} people`, place ? (from ? ` fled ${place}` : ` at ${place}`) : ''),
        h('table', null,
          row('Figure', wording ? `“${wording}”` + (qualifier && !wording.includes(qualifier) ? ` (${qualifier})` : '') : qualifier),
          row('Range', range),
          row('Came from', pick(p, 'origin')),
          row('As of', asOf ? `${asOf}${basis ? ` (${basis === 'text' ? 'stated in the text' : basis === 'published' ? 'article date' : basis})` : ''}` : 'not stated'),
          row('Confidence', confidence(p))),
        quote ? quoteWithPlace(quote, [place, ...(await surfaces(p))], wording) : null,
        await articleLink(articleId(p), p),
      ];
    },
    async events(p) {
      const place = pick(p, 'place');
      const type = pick(p, 'event_type');
      const known = eventTypes.find(([key]) => key === String(type).toLowerCase());
      const subType = pick(p, 'sub_type');
      const quote = pick(p, 'quote');
      return [
        h('h3', null, known ? known[1] : (type ?? 'Event'), subType ? ` (${subType})` : '', place ? ` · ${place}` : ''),
        h('table', null,
          row('Date', dateOf(pick(p, 'date'))),
          row('Fatalities', fmt(pick(p, 'fatalities'))),
          row('Confidence', confidence(p))),
        quote ? quoteWithPlace(quote, [place, ...(await surfaces(p))], null) : null,
        await articleLink(articleId(p), p),
      ];
    },
    async flows(p) {
      const from = pick(p, 'origin');
      const to = pick(p, 'destination');
      // A flow is drawn from a displacement figure: its wording, quote and source are that figure's.
      let figure = {};
      if (pick(p, 'displacement_id') !== null) {
        try {
          figure = (await getJson(`/collections/displacement/items/${encodeURIComponent(p.displacement_id)}`)).properties ?? {};
        } catch {
          // The flow's own properties still give origin, destination and people.
        }
      }
      const quote = pick(figure, 'quote');
      return [
        h('h3', null, `${from ?? '?'} → ${to ?? '?'}`),
        h('table', null,
          row('People', fmt(pick(p, 'people'))),
          row('Figure', pick(figure, 'number_text')),
          row('As of', dateOf(pick(p, 'as_of')) ?? 'not stated'),
          row('Confidence', confidence(figure))),
        quote ? quoteWithPlace(quote, [from, to], pick(figure, 'number_text')) : null,
        await articleLink(articleId(p), { ...figure, ...p }),
      ];
    },
    async places(p) {
      const name = pick(p, 'name');
      const geonameid = pick(p, 'geonameid');
      const list = h('ul', { class: 'articles' }, h('li', null, 'Loading articles…'));
      placeArticles(p.id, p).then((items) => list.replaceChildren(...items));
      return [
        h('h3', null, name ?? 'Place'),
        h('table', null,
          row('Country', pick(p, 'country')),
          row('Mentions', fmt(pick(p, 'mentions'))),
          row('Articles', fmt(pick(p, 'articles'))),
          row('First seen', dateOf(pick(p, 'first_seen'))),
          row('Last seen', dateOf(pick(p, 'last_seen'))),
          row('GeoNames', geonameid)),
        h('p', null, h('strong', null, 'Articles')),
        list,
      ];
    },
  };

  // A place's articles, newest mentions first, from the mentions collection (one row per mention).
  async function placeArticles(placeId, p) {
    const articles = new Map();
    try {
      const fc = await getJson(`/collections/mentions/items?place_id=${encodeURIComponent(placeId)}&limit=200`);
      for (const f of fc.features || []) {
        const m = f.properties || {};
        const id = articleId(m);
        if (id !== null && !articles.has(id)) articles.set(id, m);
      }
    } catch {
      // Listed as none below: the rest of the popup stands on its own.
    }
    if (articles.size === 0) return [h('li', null, 'No articles listed.')];
    return Promise.all([...articles].slice(0, 20).map(async ([id, m]) =>
      h('li', null, await articleLink(id, m, ''), m.surface && m.surface !== pick(p, 'name') ? ` (as “${m.surface}”)` : null)));
  }

  // Full properties come from the feature's OGC API record; tiles may carry only what styling needs.
  async function featureProperties(layer, feature) {
    // A place's tile id is its gazetteer id without the sign (MVT ids are unsigned); place_id keeps the sign.
    let id = layer === 'places' && feature.properties.place_id != null ? feature.properties.place_id : (feature.id ?? feature.properties.id);
    try {
      if ((id === undefined || id === null) && feature.geometry.type === 'Point') {
        // Countries and regions have negative gazetteer ids, which vector tiles cannot carry as
        // feature ids: find the record by name at the same point instead.
        const [lon, lat] = feature.geometry.coordinates;
        const d = 0.01;
        const name = feature.properties.name ?? feature.properties.place;
        const query = new URLSearchParams({ bbox: [lon - d, lat - d, lon + d, lat + d].join(','), limit: '1' });
        if (name) query.set(layer === 'places' ? 'name' : 'place', name);
        const fc = await getJson(`/collections/${layer}/items?${query}`);
        id = fc.features?.[0]?.id;
        if (id === undefined) return feature.properties;
      }
      if (id === undefined || id === null) return feature.properties;
      const f = await getJson(`/collections/${layer}/items/${encodeURIComponent(id)}`);
      return { ...feature.properties, ...(f.properties || {}), id };
    } catch {
      return { ...feature.properties, id };
    }
  }

  // Even-odd ray casting; rings are [lon, lat] arrays as GeoJSON has them.
  function inMultiPolygon([x, y], polygons) {
    let inside = false;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    return inside;
  }

  class SituationMap {
    constructor(container, { styleUrl = '/style.json', hash = false, bounds, center, zoom } = {}) {
      this.datetime = null;
      this.map = new maplibregl.Map({
        container,
        style: new URL(styleUrl, location.href).href,
        hash,
        bounds,
        center: center ?? [34.4, 31.4],
        zoom: zoom ?? 8,
        attributionControl: false,
        // Nothing may load from a third-party server: CJK glyphs are drawn from local fonts too.
        localIdeographFontFamily: "'Noto Sans CJK SC', sans-serif",
      });
      this.map.addControl(new maplibregl.AttributionControl({
        compact: false,
        customAttribution: '<a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0), <a href="https://whosonfirst.org/" target="_blank" rel="noopener">Who\'s On First</a>',
      }));
      this.map.on('styledata', useRtlPlugin);
      this.map.on('sourcedata', (e) => {
        if (e.sourceId === 'displacement' && e.isSourceLoaded) this.scheduleDensity();
      });
      this.popup = new maplibregl.Popup({ maxWidth: '360px', className: 'situation-popup' });
      this.map.on('click', (e) => this.openPopup(e));
      for (const layer of dataLayers) {
        this.map.on('mouseenter', layer.id, () => { this.map.getCanvas().style.cursor = 'pointer'; });
        this.map.on('mouseleave', layer.id, () => { this.map.getCanvas().style.cursor = ''; });
      }
    }

    // A layer belongs to the toggle of its source, or of the group its metadata names (the
    // governorate density shading is drawn from the basemap but belongs to displacement).
    styleLayersOf(source) {
      return this.map.getStyle().layers
        .filter((l) => (l.metadata?.['geosituation:group'] ?? l.source) === source)
        .map((l) => l.id);
    }

    isVisible(source) {
      const ids = this.styleLayersOf(source);
      return ids.length > 0 && this.map.getLayoutProperty(ids[0], 'visibility') !== 'none';
    }

    setVisible(source, visible) {
      for (const id of this.styleLayersOf(source)) {
        this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      }
    }

    visibleLayers() {
      return dataLayers.map((l) => l.id).filter((id) => this.isVisible(id));
    }

    // Every data layer is re-requested with the OGC `datetime` parameter (instant or interval).
    setDatetime(datetime, { force = false } = {}) {
      if (!force && (datetime || null) === this.datetime) return;
      this.datetime = datetime || null;
      for (const { id } of dataLayers) {
        const source = this.map.getSource(id);
        if (!source || !source.tiles) continue;
        const tiles = source.tiles.map((t) => {
          const url = new URL(t.replace('{z}/{x}/{y}', 'ZXY'), location.href);
          if (this.datetime) url.searchParams.set('datetime', this.datetime);
          else url.searchParams.delete('datetime');
          return url.href.replace('ZXY', '{z}/{x}/{y}');
        });
        source.setTiles(tiles);
      }
    }

    reload() {
      this.setDatetime(this.datetime, { force: true });
    }

    scheduleDensity() {
      clearTimeout(this.densityTimer);
      this.densityTimer = setTimeout(() => this.updateDensity(), 100);
    }

    // Displacement density per governorate: people sheltering there (figures "at" a place inside it)
    // per km² of its approximate outline, as feature state on the basemap's governorate polygons.
    async updateDensity() {
      this.governorates ??= getJson('/map/governorates').then((fc) => fc.features).catch(() => []);
      const governorates = await this.governorates;
      const figures = new Map();
      for (const f of this.map.querySourceFeatures('displacement', { sourceLayer: 'displacement' })) {
        if (f.id !== undefined && f.properties.direction !== 'from') figures.set(f.id, f);
      }
      for (const g of governorates) {
        let people = 0;
        for (const f of figures.values()) {
          if (inMultiPolygon(f.geometry.coordinates, g.geometry.coordinates)) people += Number(f.properties.people) || 0;
        }
        const density = people / g.properties.area_km2;
        this.map.setFeatureState({ source: 'basemap', sourceLayer: 'governorates', id: g.id }, { density, people });
      }
    }

    // Everything under the click, one section each: a click on Rafah shows its displacement figure,
    // the events there and the place itself, so the reader does not have to hit the right dot.
    async openPopup(e) {
      const layers = dataLayers.map((l) => l.id).flatMap((id) => this.styleLayersOf(id))
        .filter((id) => this.map.getLayoutProperty(id, 'visibility') !== 'none');
      const seen = new Set();
      const order = ['displacement', 'flows', 'events', 'places'];
      const features = this.map.queryRenderedFeatures(e.point, { layers })
        .filter((f) => f.source in popupBuilders)
        .filter((f) => {
          const key = `${f.source}/${f.id ?? JSON.stringify(f.properties)}`;
          return seen.has(key) ? false : seen.add(key);
        })
        .sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source))
        .slice(0, 5);
      if (features.length === 0) return;
      const body = h('div', { class: 'popup-body' }, 'Loading…');
      this.popup.setLngLat(e.lngLat).setDOMContent(body).addTo(this.map);
      // The first feature in full, the others folded under their headings: the popup stays short
      // without becoming a scroll box.
      const sections = await Promise.all(features.map(async (f, i) => {
        const props = await featureProperties(f.source, f);
        const [heading, ...rest] = (await popupBuilders[f.source](props)).filter(Boolean);
        return i === 0
          ? h('section', { class: `popup-${f.source}` }, heading, ...rest)
          : h('details', { class: `popup-${f.source}` }, h('summary', null, heading.textContent), ...rest);
      }));
      body.replaceChildren(...sections);
      // Setting the content again lets MapLibre re-pick the side the popup opens to for its new size.
      const relayout = () => {
        this.popup.setDOMContent(body);
        this.keepOnScreen();
      };
      for (const details of body.querySelectorAll('details')) details.addEventListener('toggle', relayout);
      relayout();
    }

    // Pans the map just enough that the whole popup is visible (it moves with its point).
    keepOnScreen() {
      const box = this.popup.getElement()?.getBoundingClientRect();
      const frame = this.map.getContainer().getBoundingClientRect();
      if (!box) return;
      const margin = 10;
      // On the full page the time bar covers the bottom of the map.
      const bottom = Math.min(frame.bottom, document.querySelector('.time')?.getBoundingClientRect().top ?? frame.bottom) - margin;
      let dy = 0;
      if (box.height > bottom - frame.top - margin || box.top < frame.top + margin) dy = box.top - frame.top - margin;
      else if (box.bottom > bottom) dy = box.bottom - bottom;
      if (dy !== 0) this.map.panBy([0, dy], { duration: 300 });
    }

    // The earliest and latest dates of the data, from each collection's temporal extent.
    static async dataDateRange() {
      let min = null;
      let max = null;
      await Promise.all(dataLayers.map(async ({ id }) => {
        try {
          const c = await getJson(`/collections/${id}`);
          for (const [a, b] of c.extent?.temporal?.interval ?? []) {
            for (const d of [a, b]) {
              if (!d) continue;
              const day = String(d).slice(0, 10);
              if (!min || day < min) min = day;
              if (!max || day > max) max = day;
            }
          }
        } catch {
          // A collection that is not served (yet) just does not widen the range.
        }
      }));
      return { min, max };
    }
  }

  window.Situation = { SituationMap, dataLayers, eventTypes, h, getJson, fmt };
})();
