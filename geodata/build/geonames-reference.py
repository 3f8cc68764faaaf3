#!/usr/bin/env python3
"""Writes geodata/geonames-reference.tsv.gz: GeoNames ids for the countries, admin areas and regions of the other
geodata files, GeoNames' points for the regions, and the seas, oceans, gulfs, straits, world regions, peninsulas and
mountain ranges outside any country that news names (with GeoNames' points).

Countries keep their world-countries point (see geodata/README.md, "Country points"): where GeoNames has moved a
country's point since (Canada, India, DR Congo, Somalia...), both dev corpora still use the older one.

Sources are GeoNames files (CC BY 4.0) copied into public repositories, read at pinned commits from bare git
mirrors (the `fetch` tool's /work/.mirror/OWNER+NAME/repo, or any clone):
  GRAMPS    PrimeEagle/PowerShell-GeonameGrampsImport @ 27e04e22: countryInfo.txt, admin1CodesASCII.txt,
            admin2Codes.txt, no-country.txt (GeoNames dumps)
Usage: geonames-reference.py GRAMPS_GIT_DIR   (run from anywhere; deterministic output)
"""
import gzip, json, os, subprocess, sys

GRAMPS_COMMIT = "27e04e224cf7922f21017601b77e84fe53c0de0c"
HERE = os.path.dirname(os.path.abspath(__file__))
GEODATA = os.path.dirname(HERE)

# Features outside any country that news names: water bodies, world regions, peninsulas, ranges.
KEPT_CODES = {"OCN", "SEA", "GULF", "STRT", "CHN", "BAY", "RGN", "PEN", "MTS", "CONT"}
# How many other names (in any language) a feature needs to be one news would name: GeoNames lists dozens for the
# Red Sea or the Strait of Hormuz and none or a handful for an unnamed reef or a local bay.
MIN_ALTERNATE_NAMES = 8
# Hand-kept regions (build/regions.source.json) whose GeoNames feature has another primary name, or is an admin1 area.
REGION_TO_GEONAMES = {
    "gaza-strip": "adm1:PS.GZ", "west-bank": "adm1:PS.WE",
    "caucasus": 615318, "north-africa": 7729887, "east-africa": 7729889, "west-africa": 7729885,
    "east-asia": 7729894, "south-asia": 7729895, "southeast-asia": 7729896, "caribbean": 7729891,
    "central-america": 7729892, "central-asia": 7729893, "southern-africa": 9406051, "balkans": 12216908,
    "sub-saharan-africa": 12212804, "horn-of-africa": 11820342, "middle-east": 6269133, "arctic": 10941926,
}


def show(git_dir, commit, path):
    return subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"], check=True, capture_output=True).stdout.decode("utf-8-sig")


def tsv(text):
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def main(gramps):
    rows = []
    country_ids = {r[0]: int(r[16]) for r in tsv(show(gramps, GRAMPS_COMMIT, "countryInfo.txt")) if r[16]}
    for c in json.load(open(os.path.join(GEODATA, "countries.json"), encoding="utf-8")):
        iso2 = c["iso2"]
        if iso2 in country_ids:
            rows.append((f"country:{iso2}", country_ids[iso2], "", "", "", ""))

    admin_ids = {r[0]: int(r[3]) for r in tsv(show(gramps, GRAMPS_COMMIT, "admin1CodesASCII.txt"))}
    admin_ids.update({r[0]: int(r[3]) for r in tsv(show(gramps, GRAMPS_COMMIT, "admin2Codes.txt"))})
    with gzip.open(os.path.join(GEODATA, "admin.tsv.gz"), "rt", encoding="utf-8") as f:
        for r in tsv(f.read()):
            if r[2] in admin_ids:
                rows.append((f"adm{r[1]}:{r[2]}", admin_ids[r[2]], "", "", "", ""))

    features = {}
    for r in tsv(show(gramps, GRAMPS_COMMIT, "no-country.txt")):
        if r[7] in KEPT_CODES:
            features[int(r[0])] = {"name": r[1], "lat": r[4], "lon": r[5], "fcode": r[7], "alternates": [a for a in r[3].split(",") if a]}
    by_name = {}
    for gid, f in sorted(features.items()):
        by_name.setdefault(f["name"], gid)
    regions = json.load(open(os.path.join(GEODATA, "regions.geojson"), encoding="utf-8"))["features"]
    claimed = set()
    for feature in regions:
        p = feature["properties"]
        target = REGION_TO_GEONAMES.get(p["key"])
        if isinstance(target, str):
            rows.append((f"region:{p['key']}", admin_ids[target.split(":")[1]], "", "", "", ""))
            continue
        gid = target or next((by_name[n] for n in [p["name"], *p["alternates"]] if n in by_name), None)
        if gid is None or gid not in features:
            continue
        claimed.add(gid)
        f = features[gid]
        rows.append((f"region:{p['key']}", gid, f["lat"], f["lon"], "", ""))
    # A name that is already a region, a country or a first-level area keeps that meaning (Micronesia, Catalunya);
    # of two features with one name (GeoNames has some twice) the one more languages name is kept.
    taken = {n for feature in regions for n in [feature["properties"]["name"], *feature["properties"]["alternates"]]}
    taken |= {n for c in json.load(open(os.path.join(GEODATA, "countries.json"), encoding="utf-8")) for n in [c["name"], c["official"], *c["altSpellings"]]}
    with gzip.open(os.path.join(GEODATA, "admin.tsv.gz"), "rt", encoding="utf-8") as f:
        taken |= {r[3] for r in tsv(f.read()) if r[1] == "1"}
    best = {}
    for gid, f in sorted(features.items()):
        if gid not in claimed and len(f["alternates"]) > len(features[best.get(f["name"], gid)]["alternates"]):
            best[f["name"]] = gid
        best.setdefault(f["name"], gid)
    for gid, f in sorted(features.items()):
        if gid in claimed or best[f["name"]] != gid or f["name"] in taken or len(f["alternates"]) < MIN_ALTERNATE_NAMES:
            continue
        rows.append((f"feature:{gid}", gid, f["lat"], f["lon"], f["fcode"], f["name"]))

    out = os.path.join(GEODATA, "geonames-reference.tsv.gz")
    text = "#key\tgeonameid\tlat\tlon\tfcode\tname\n" + "".join("\t".join(str(v) for v in r) + "\n" for r in rows)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.encode("utf-8"))
    print(f"{out}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
