#!/usr/bin/env python3
"""Builds geodata/events/small-places.tsv.gz, the event-only small-places layer (see geodata/events/README.md).

Reads the Who's On First per-country admin repositories as bare git mirrors (no checkout needed) and writes every
current locality, neighbourhood/microhood and campus record with a point, a name of 4+ letters and a licensed
geometry source, minus those already in geodata/humanitarian/. Python 3 standard library only; deterministic
(sorted rows, gzip mtime 0), so rebuilding from the same mirror commits gives a byte-identical file.

    python3 geodata/build/small_places.py [--mirror /work/.mirror] [--out geodata/events/small-places.tsv.gz]

Prints the mirrored commit of each repository and the row counts per country and licence (copy them into
geodata/events/README.md when they change).
"""
import argparse
import collections
import gzip
import io
import json
import os
import re
import subprocess
import sys
import math
import unicodedata
import threading

# Countries of the situations GeoSituation follows whose WOF admin repository is mirrored; a missing mirror is
# reported and skipped, so the list can name repositories not fetched yet.
COUNTRIES = ["ps", "il", "lb", "sy", "sd", "ss", "ye", "cd", "mm", "ht", "so", "ml", "bf", "ng", "ua", "et", "mz",
             "ke", "td", "af", "pk", "cm", "ly", "bd", "eg", "th", "mr"]

# WOF placetype -> our type; 'campus' in these repositories is mostly camps (and some airports and universities,
# which are event scenes too).
TYPES = {"locality": "locality", "neighbourhood": "neighbourhood", "microhood": "neighbourhood", "campus": "camp"}

# src:geom -> licence, as WOF's LICENSE.md lists its sources. Records from any other source are dropped: their
# coordinate licence cannot be told (woedb, GeoPlanet, is "CC-BY" there with no version).
LICENCES = {"geonames": "CC BY 4.0", "quattroshapes": "CC BY 2.0", "qs_pg": "CC BY 2.0",
            "whosonfirst": "CC0", "mz": "CC0", "meso": "CC0", "wikidata": "CC0",
            # WOF's LICENSE.md lists Natural Earth and OurAirports as public domain.
            "naturalearth": "public domain", "ourairports": "public domain"}

# Records whose hierarchy names these are used to find the region of places without a region_id of their own.
ANCESTOR_TYPES = {"region", "macrocounty", "county", "localadmin", "locality", "borough", "macrohood"}

# Two records of one type and normalised name closer than this are one place.
DUPLICATE_KM = 3.0

PLACETYPE = re.compile(rb'"wof:placetype"\s*:\s*"([a-z_]+)"')
HERE = os.path.dirname(os.path.abspath(__file__))
GEODATA = os.path.dirname(HERE)


def blobs(git_dir):
    """Yields (path, bytes) of every data/**.geojson file at HEAD, through one `git cat-file --batch`."""
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", "HEAD", "data/"],
                             check=True, capture_output=True).stdout
    entries = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        _, kind, sha = meta.split(b" ")
        if kind == b"blob" and path.endswith(b".geojson") and b"-alt-" not in path:
            entries.append((path.decode(), sha))
    proc = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    # Written from a thread: git stops reading names while its output pipe is full, so writing them all
    # before reading would deadlock.
    def feed():
        proc.stdin.write(b"".join(sha + b"\n" for _, sha in entries))
        proc.stdin.close()
    writer = threading.Thread(target=feed)
    writer.start()
    out = proc.stdout
    for path, sha in entries:
        header = out.readline().split()
        if len(header) < 3 or header[1] != b"blob":  # "missing": a large file the mirror left out
            print(f"  {git_dir}: {path} not in the mirror", file=sys.stderr)
            continue
        size = int(header[2])
        data = out.read(size)
        out.read(1)
        yield path, data
    writer.join()
    proc.wait()


def first(value):
    if isinstance(value, list):
        return value[0] if value else None
    return value


def letters(name):
    return sum(1 for c in name if c.isalpha())


def clean(name):
    """A name fit for a TSV cell and the '|'-joined alternates; None when empty."""
    if not isinstance(name, str):
        return None
    name = " ".join(name.replace("|", " ").split())
    return name or None


def country_boxes():
    """ISO2 -> (min lon, min lat, max lon, max lat) of its Natural Earth outline, 0.2 degrees wider."""
    with gzip.open(os.path.join(GEODATA, "country-boundaries.geojson.gz"), "rt", encoding="utf-8") as f:
        features = json.load(f)["features"]
    boxes = {}
    for feature in features:
        iso2 = feature["properties"]["iso2"]
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        xs = [p[0] for poly in polygons for ring in poly for p in ring]
        ys = [p[1] for poly in polygons for ring in poly for p in ring]
        box = (min(xs) - 0.2, min(ys) - 0.2, max(xs) + 0.2, max(ys) + 0.2)
        old = boxes.get(iso2)
        boxes[iso2] = box if old is None else (min(old[0], box[0]), min(old[1], box[1]),
                                               max(old[2], box[2]), max(old[3], box[3]))
    return boxes


def humanitarian_records():
    """Keys of localities.sites.tsv and WOF ids named as the source of sites.tsv rows: already in the gazetteer."""
    keys, ids = set(), set()
    folder = os.path.join(GEODATA, "humanitarian")
    for name in ("localities.sites.tsv", "sites.tsv"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                keys.add(cells[0])
                ids.update(int(m) for m in re.findall(r"Who's On First [\w-]+ record (\d+)", line))
    return keys, ids


def names_of(props):
    """(name, alternates) per the layer's rules; name None when no name has 4+ letters."""
    preferred = [clean(n) for n in (props.get("name:eng_x_preferred") or [])]
    wof_name = clean(props.get("wof:name"))
    candidates = [n for n in preferred + [wof_name] if n and letters(n) > 3]
    if not candidates:
        return None, []
    name = candidates[0]
    others = [wof_name] + preferred[1:]
    for key in sorted(props):
        if key.startswith("name:eng_x_") and key != "name:eng_x_preferred":
            others.extend(clean(n) for n in props[key] or [])
    for key in ("name:ara_x_preferred", "name:fra_x_preferred"):
        others.extend(clean(n) for n in props.get(key) or [])
    alternates = []
    for other in others:
        if other and other != name and other not in alternates and letters(other) > 3:
            alternates.append(other)
    return name, alternates


def is_current(props):
    if str(props.get("mz:is_current", 1)) == "0":
        return False
    if props.get("edtf:deprecated") not in (None, "", "uuuu"):
        return False
    return not props.get("wof:superseded_by")


def read_repo(cc, git_dir, known_keys, known_ids, boxes, stats):
    ancestors = {}  # WOF id -> (placetype, name, hierarchy) for region lookups
    places = []
    for path, data in blobs(git_dir):
        m = PLACETYPE.search(data)
        if not m:
            continue
        placetype = m.group(1).decode()
        if placetype not in TYPES and placetype not in ANCESTOR_TYPES:
            continue
        props = json.loads(data)["properties"]
        wof_id = props.get("wof:id")
        if placetype in ANCESTOR_TYPES:
            name = first(props.get("name:eng_x_preferred")) or props.get("wof:name") or ""
            ancestors[wof_id] = (placetype, clean(name) or "", props.get("wof:hierarchy") or [])
        if placetype in TYPES:
            places.append(props)

    def region_of(hierarchy, depth=0):
        for h in hierarchy:
            region = ancestors.get(h.get("region_id"))
            if region and region[0] == "region":
                return region[1]
        if depth < 3:  # no region_id: ask the nearest ancestor that has one
            for h in hierarchy:
                for key in ("county_id", "localadmin_id", "locality_id", "macrocounty_id", "borough_id", "macrohood_id"):
                    parent = ancestors.get(h.get(key))
                    if parent and parent[2] is not hierarchy:
                        found = region_of(parent[2], depth + 1)
                        if found:
                            return found
        return ""

    rows = []
    for props in places:
        wof_id = props["wof:id"]
        key = f"{cc}:wof-{wof_id}"
        country = (props.get("wof:country") or cc).upper()
        if not is_current(props):
            stats["not current"] += 1
            continue
        if key in known_keys or wof_id in known_ids:
            stats["already in humanitarian/"] += 1
            continue
        source = props.get("src:geom")
        if not source:
            stats["no src:geom"] += 1
            continue
        licence = LICENCES.get(source)
        if licence is None:
            stats[f"src:geom {source} (licence unknown)"] += 1
            continue
        name, alternates = names_of(props)
        if name is None:
            stats["name of 3 letters or fewer"] += 1
            continue
        lat, lon = props.get("lbl:latitude"), props.get("lbl:longitude")
        if lat is None or lon is None:
            lat, lon = props.get("geom:latitude"), props.get("geom:longitude")
        if lat is None or lon is None or (lat == 0 and lon == 0):
            stats["no point"] += 1
            continue
        box = boxes.get(country)
        if box is None or not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
            # WOF filing errors (Maltese places under Mali) and codes we have no outline for
            stats["point outside the country's box"] += 1
            continue
        population = props.get("wof:population") or 0
        try:
            population = max(0, int(population))
        except (TypeError, ValueError):
            population = 0
        rows.append((country, name, wof_id, key, "|".join(alternates), TYPES[props["wof:placetype"]],
                     f"{lat:.5f}", f"{lon:.5f}", region_of(props.get("wof:hierarchy") or []), str(population), licence))
    return rows


def normalise(name):
    """Close to GeoSituation's NameNormalizer: lower case, no diacritics or apostrophes, hyphens as spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    folded = re.sub(r"['`\u2018\u2019\u02bb\u02bc\u02bf\u02be]", "", folded)
    return " ".join(re.sub(r"[-_/\u2013\u2014]", " ", folded).split())


def km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (float(a[6]), float(a[7]), float(b[6]), float(b[7])))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def merge_duplicates(rows, stats):
    """WOF often holds one place twice (a GeoNames and a Quattroshapes record): same country, type and normalised
    name within DUPLICATE_KM. Keeps the one with the largest population (then the lower WOF id) and adds the
    others' names to its alternates, so a lookup returns one place, not two."""
    groups = collections.defaultdict(list)
    for i, r in enumerate(rows):
        groups[(r[0], r[5], normalise(r[1]))].append(i)
    dropped = set()
    merged = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (-int(rows[i][9]), rows[i][2]))
        for n, i in enumerate(members):
            if i in dropped:
                continue
            for j in members[n + 1:]:
                if j not in dropped and km(rows[i], rows[j]) <= DUPLICATE_KM:
                    dropped.add(j)
                    merged.setdefault(i, []).append(j)
    out = []
    for i, r in enumerate(rows):
        if i in dropped:
            continue
        if i in merged:
            alternates = [a for a in r[4].split("|") if a]
            for j in merged[i]:
                for a in [rows[j][1]] + [a for a in rows[j][4].split("|") if a]:
                    if a != r[1] and a not in alternates:
                        alternates.append(a)
            r = r[:4] + ("|".join(alternates),) + r[5:]
        out.append(r)
    stats["duplicate of a nearby record"] += len(dropped)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirror", default="/work/.mirror", help="folder of whosonfirst-data+whosonfirst-data-admin-XX/repo")
    parser.add_argument("--out", default=os.path.join(GEODATA, "events", "small-places.tsv.gz"))
    args = parser.parse_args()

    known_keys, known_ids = humanitarian_records()
    boxes = country_boxes()
    stats = collections.Counter()
    rows, commits = [], {}
    for cc in COUNTRIES:
        git_dir = os.path.join(args.mirror, f"whosonfirst-data+whosonfirst-data-admin-{cc}", "repo")
        if not os.path.isdir(git_dir):
            print(f"{cc}: no mirror at {git_dir}, skipped", file=sys.stderr)
            continue
        commits[cc] = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"], check=True,
                                     capture_output=True, text=True).stdout.strip()
        got = read_repo(cc, git_dir, known_keys, known_ids, boxes, stats)
        print(f"{cc}: {commits[cc]} {len(got)} rows", file=sys.stderr)
        rows.extend(got)
    rows = merge_duplicates(rows, stats)
    rows.sort()

    buffer = io.StringIO()
    buffer.write("#key\tname\talternates\ttype\tlat\tlon\tcountry\tadmin1\tpopulation\tlicence\n")
    buffer.write("# Event-only small places from Who's On First (\"Data from Who's On First\"); licence per row; "
                 "provenance and sources in README.md. Built by geodata/build/small_places.py.\n")
    buffer.write("# Mirrored commits: " + " ".join(f"{cc}={commits[cc][:8]}" for cc in sorted(commits)) + "\n")
    # Lets the loader (src/GeoSituation.Core/Events/SmallPlaces.cs) allocate its arrays once: rows and UTF-8
    # bytes of "name<TAB>alternates".
    size = sum(len(r[1].encode()) + 1 + len(r[4].encode()) for r in rows)
    buffer.write(f"# sizes: rows={len(rows)} bytes={size}\n")
    for country, name, _, key, alternates, kind, lat, lon, admin1, population, licence in rows:
        buffer.write("\t".join((key, name, alternates, kind, lat, lon, country, admin1, population, licence)) + "\n")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(buffer.getvalue().encode("utf-8"))

    print(f"{len(rows)} rows -> {args.out} ({os.path.getsize(args.out)} bytes)")
    print("per country:", dict(sorted(collections.Counter(r[0] for r in rows).items())))
    print("per licence:", dict(collections.Counter(r[10] for r in rows).most_common()))
    print("per type:", dict(collections.Counter(r[5] for r in rows).most_common()))
    print("dropped:", dict(stats.most_common()))
    print("commits:", " ".join(f"{cc}={commits[cc]}" for cc in sorted(commits)))


if __name__ == "__main__":
    main()
