// /embed?layers=displacement,events&bbox=34.2,31.2,34.6,31.6&datetime=2024-02-01/2024-02-29
// The map without chrome for iframes: the query picks the layers, the view and the time.
(function () {
  'use strict';

  const { SituationMap, dataLayers } = window.Situation;
  const query = new URLSearchParams(location.search);

  const layers = query.has('layers') ? query.get('layers').split(',').map((s) => s.trim()) : dataLayers.map((l) => l.id);
  const bbox = (query.get('bbox') ?? '').split(',').map(Number);
  const bounds = bbox.length === 4 && bbox.every(Number.isFinite) ? [[bbox[0], bbox[1]], [bbox[2], bbox[3]]] : undefined;
  const datetime = query.get('datetime');

  const style = '/style.json' + (datetime ? `?datetime=${encodeURIComponent(datetime)}` : '');
  const situation = new SituationMap('map', { styleUrl: style, bounds });
  situation.datetime = datetime;
  window.map = situation.map;
  window.situation = situation;

  situation.map.on('load', () => {
    for (const { id } of dataLayers) situation.setVisible(id, layers.includes(id));
  });
  situation.map.once('idle', () => { window.mapReady = true; });

  // A bad query (say a malformed datetime) makes /style.json answer 400: say so instead of a blank frame.
  situation.map.on('error', (e) => {
    if (situation.map.isStyleLoaded()) return;
    const note = window.Situation.h('p', { class: 'embed-error' },
      'This map could not load: check the layers, bbox and datetime in its address. ', String(e.error?.message ?? ''));
    document.body.append(note);
  });
})();
